using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Customer organisations and their contact persons.</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Organisations").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/organisations", ListAsync).WithSummary("Organisations in creation order; page with ?after=<last id>.");
        read.MapGet("/organisations/{id:guid}", GetAsync);
        read.MapGet("/organisations/{id:guid}/contacts", ContactsAsync);
        read.MapGet("/contacts/{id:guid}", GetContactAsync);

        var write = app.MapGroup("/api").WithTags("Organisations").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/organisations", CreateAsync).WithSummary("A duplicate business ID answers 409.");
        write.MapPut("/organisations/{id:guid}", UpdateAsync);
        write.MapPost("/organisations/{id:guid}/contacts", CreateContactAsync);
        write.MapPut("/contacts/{id:guid}", UpdateContactAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<OrganisationResponse>>, ValidationProblem>> ListAsync(
        RegisterDbContext db, AuditLog audit, ProcessingLimits limits, Guid? after, int? limit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > ConsumersApi.MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {ConsumersApi.MaxPageSize}.").Problem();
        }

        // A restricted sole trader (Art 18) stays out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<Organisation>().AsNoTracking(), o => o.SubjectId);
        if (after is { } a)
        {
            query = query.Where(o => o.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(o => o.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("organisation.list", Purposes.CustomerRelationship, EntityType: "organisation",
            Fields: [Categories.SoleTrader.Id]), ct);
        return TypedResults.Ok(new Page<OrganisationResponse>(page.Select(o => o.ToResponse()).ToList(), rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetAsync(Guid id, OrganisationViews views, CancellationToken ct) =>
        await views.GetAsync(id, ct) is { } organisation ? TypedResults.Ok(organisation.ToResponse()) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ContactPersonResponse>>, NotFound>> ContactsAsync(
        Guid id, RegisterDbContext db, OrganisationViews views, ProcessingLimits limits, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == id).Select(o => new { o.SubjectId }).FirstOrDefaultAsync(ct);
        if (organisation is null || await limits.HidesAsync(organisation.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await views.ContactsAsync(id, ct)).Select(c => c.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<ContactPersonResponse>, NotFound>> GetContactAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var contact = await db.Set<ContactPerson>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null || await limits.HidesAsync(contact.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("contact.read", Purposes.CustomerRelationship, contact.SubjectId, "contact_person",
            id.ToString(), [Categories.Name.Id, Categories.Role.Id, Categories.Phone.Id, Categories.Email.Id]), ct);
        return TypedResults.Ok(contact.ToResponse());
    }

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        OrganisationRequest request, RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = OrganisationInput.Read(request, errors);
        errors.RequiredSource(request.Source);

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (input.BusinessId is not null && await db.Set<Organisation>().AnyAsync(o => o.BusinessId == input.BusinessId, ct))
        {
            return DuplicateBusinessId();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Source = request.Source!.Value, CreatedAt = now };
        input.ApplyTo(organisation);
        if (organisation.IsSoleTrader)
        {
            var subject = new Subject { Id = Guid.CreateVersion7(), Kind = SubjectKind.SoleTrader, CreatedAt = now };
            db.Add(subject);
            organisation.SubjectId = subject.Id;
        }

        db.Add(organisation);
        await SearchIndex.ReplaceAsync(db, SearchTarget.Organisation, organisation.Id, organisation.SubjectId,
            SearchIndex.SortKeyOf(organisation), SearchIndex.TermsOf(organisation), isNew: true, ct);
        await ApplyBansAsync(bans, organisation, ct);
        audit.Add(new AuditEntry("organisation.create", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
            organisation.Id.ToString(), Access.SetFields(db.Entry(organisation))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organisations/{organisation.Id}", organisation.ToResponse());
    }

    private static async Task<Results<Ok<OrganisationResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> UpdateAsync(
        Guid id, OrganisationRequest request, RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = OrganisationInput.Read(request, errors);
        errors.RequiredVersion(request.Version);

        if (errors.Any)
        {
            return errors.Problem();
        }

        var organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }

        if (input.BusinessId is not null
            && await db.Set<Organisation>().AnyAsync(o => o.BusinessId == input.BusinessId && o.Id != id, ct))
        {
            return DuplicateBusinessId();
        }

        var changed = VersionedUpdate.Apply(db, organisation, request.Version!.Value, o =>
        {
            input.ApplyTo(o);
            o.Source = request.Source ?? o.Source;
            if (o.IsSoleTrader && o.SubjectId is null)
            {
                var subject = new Subject { Id = Guid.CreateVersion7(), Kind = SubjectKind.SoleTrader, CreatedAt = clock.GetUtcNow().UtcDateTime };
                db.Add(subject);
                o.SubjectId = subject.Id;
            }
        });
        await SearchIndex.ReplaceAsync(db, SearchTarget.Organisation, organisation.Id, organisation.SubjectId,
            SearchIndex.SortKeyOf(organisation), SearchIndex.TermsOf(organisation), isNew: false, ct);
        await ApplyBansAsync(bans, organisation, ct);
        audit.Add(new AuditEntry("organisation.update", Purposes.CustomerRelationship, organisation.SubjectId, "organisation",
            id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(organisation.ToResponse());
    }

    private static async Task<Results<Created<ContactPersonResponse>, NotFound, ValidationProblem>> CreateContactAsync(
        Guid id, ContactPersonRequest request, RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContactInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredSource(request.Source);

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Set<Organisation>().AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = new Subject { Id = Guid.CreateVersion7(), Kind = SubjectKind.ContactPerson, CreatedAt = now };
        var contact = new ContactPerson
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            OrganisationId = id,
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        input.ApplyTo(contact);
        db.Add(subject);
        db.Add(contact);
        await SearchIndex.ReplaceAsync(db, SearchTarget.ContactPerson, contact.Id, subject.Id, SearchIndex.SortKeyOf(contact), SearchIndex.TermsOf(contact), isNew: true, ct);
        await bans.ApplyAsync(subject.Id, contact.Email, contact.Phone, null, ct);
        audit.Add(new AuditEntry("contact.create", Purposes.CustomerRelationship, subject.Id, "contact_person", contact.Id.ToString(),
            Access.SetFields(db.Entry(contact))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/contacts/{contact.Id}", contact.ToResponse());
    }

    private static async Task<Results<Ok<ContactPersonResponse>, NotFound, ValidationProblem>> UpdateContactAsync(
        Guid id, ContactPersonRequest request, RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContactInput.Read(request, errors, HelsinkiTime.Today(clock));
        errors.RequiredVersion(request.Version);

        if (errors.Any)
        {
            return errors.Problem();
        }

        var contact = await db.Set<ContactPerson>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }

        var changed = VersionedUpdate.Apply(db, contact, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        });
        await SearchIndex.ReplaceAsync(db, SearchTarget.ContactPerson, contact.Id, contact.SubjectId, SearchIndex.SortKeyOf(contact), SearchIndex.TermsOf(contact), isNew: false, ct);
        await bans.ApplyAsync(contact.SubjectId, contact.Email, contact.Phone, null, ct);
        audit.Add(new AuditEntry("contact.update", Purposes.CustomerRelationship, contact.SubjectId, "contact_person", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(contact.ToResponse());
    }

    /// <summary>A sole trader's business address is the person's postal address: kept bans on it apply to them.</summary>
    private static async Task ApplyBansAsync(MarketingBans bans, Organisation organisation, CancellationToken ct)
    {
        if (organisation.SubjectId is { } subjectId)
        {
            await bans.ApplyAsync(subjectId, null, null, MarketingBans.PostalAddress(organisation.Street, organisation.PostalCode), ct);
        }
    }

    private static Conflict<HttpValidationProblemDetails> DuplicateBusinessId() =>
        TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["businessId"] = ["Another organisation already has this business ID."],
        })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
        });
}

internal sealed record OrganisationInput(
    string Name, string? BusinessId, string? Street, string? PostalCode, string? City, bool IsSoleTrader)
{
    public static OrganisationInput Read(OrganisationRequest r, FieldErrors errors) => new(
        errors.Text("name", r.Name, 200, required: true) ?? "",
        errors.Optional<BusinessId>("businessId", r.BusinessId, Finnish.BusinessId.TryParse)?.Value,
        errors.Text("street", r.Street, 200),
        errors.Optional<PostalCode>("postalCode", r.PostalCode, Finnish.PostalCode.TryParse)?.Value,
        errors.Text("city", r.City, 100),
        r.IsSoleTrader ?? false);

    public void ApplyTo(Organisation o)
    {
        o.Name = Name;
        o.BusinessId = BusinessId;
        o.Street = Street;
        o.PostalCode = PostalCode;
        o.City = City;
        o.IsSoleTrader = IsSoleTrader;
    }
}

internal sealed record ContactInput(
    string FirstName, string LastName, string? Title, string? Position, string? Phone, string? Email, DateOnly? RoleEndedOn)
{
    public static ContactInput Read(ContactPersonRequest r, FieldErrors errors, DateOnly today)
    {
        if (r.RoleEndedOn > today)
        {
            errors.Add("roleEndedOn", "The role's end cannot be in the future: record it when it has ended.");
        }

        return new(
            errors.Text("firstName", r.FirstName, 100, required: true) ?? "",
            errors.Text("lastName", r.LastName, 100, required: true) ?? "",
            errors.Text("title", r.Title, 100),
            errors.Text("position", r.Position, 100),
            errors.Optional<PhoneNumber>("phone", r.Phone, PhoneNumber.TryParse)?.Value,
            errors.Optional<EmailAddress>("email", r.Email, EmailAddress.TryParse)?.Value,
            r.RoleEndedOn);
    }

    public void ApplyTo(ContactPerson c)
    {
        c.FirstName = FirstName;
        c.LastName = LastName;
        c.Title = Title;
        c.Position = Position;
        c.Phone = Phone;
        c.Email = Email;
        c.RoleEndedOn = RoleEndedOn;
    }
}
