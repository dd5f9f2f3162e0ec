using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Customer relationships, their contracts, ordered services and the services' suspensions and cancellations.</summary>
public static partial class RelationshipsApi
{
    private static readonly string[] RelationshipFields = [Categories.CustomerRelationship.Id];
    private static readonly string[] ServiceFields = [Categories.OrderedServices.Id];

    public static IEndpointRouteBuilder MapRelationships(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/relationships", ListAsync).WithSummary("The relationships of one customer: ?subjectId= (a consumer or sole trader) or ?organisationId=.");
        read.MapGet("/relationships/{id:guid}", GetAsync);
        read.MapGet("/relationships/{id:guid}/contracts", ContractsAsync);
        read.MapGet("/relationships/{id:guid}/services", ServicesAsync);
        read.MapGet("/contracts/{id:guid}", GetContractAsync);
        read.MapGet("/services/{id:guid}", GetServiceAsync).WithSummary("An ordered service with its suspensions and cancellations.");

        var write = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/relationships", CreateAsync).WithSummary("A duplicate customer number answers 409.");
        write.MapPut("/relationships/{id:guid}", UpdateAsync).WithSummary("Replace number, dates and status; send the version you read.");
        write.MapPost("/relationships/{id:guid}/end", EndAsync)
            .WithSummary("End the cooperation (default today): records the end date, ends open contracts and cancels open services.");
        write.MapPost("/relationships/{id:guid}/contracts", CreateContractAsync).WithSummary("A duplicate contract number answers 409.");
        write.MapPut("/contracts/{id:guid}", UpdateContractAsync);
        write.MapPost("/relationships/{id:guid}/services", CreateServiceAsync);
        write.MapPut("/services/{id:guid}", UpdateServiceAsync).WithSummary("Name, order date and contract; the status changes through events.");
        write.MapPost("/services/{id:guid}/events", AddEventAsync)
            .WithSummary("Record a suspension, resumption or cancellation and who reported it; send the service's version.");
        return app;
    }

    private static async Task<Results<Ok<List<RelationshipResponse>>, ValidationProblem>> ListAsync(
        Guid? subjectId, Guid? organisationId, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        if ((subjectId is null) == (organisationId is null))
        {
            return new FieldErrors().Add("subjectId", "Give exactly one of subjectId and organisationId.").Problem();
        }

        // A restricted person's relationships (Art 18) stay out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<CustomerRelationship>().AsNoTracking(), r => r.SubjectId);
        query = subjectId is { } s ? query.Where(r => r.SubjectId == s) : query.Where(r => r.OrganisationId == organisationId);
        var rows = await query.OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var r in rows)
        {
            audit.Add(new AuditEntry("relationship.read", Purposes.CustomerRelationship, r.SubjectId, "customer_relationship",
                r.Id.ToString(), RelationshipFields));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound>> GetAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null || await limits.HidesAsync(relationship.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("relationship.read", Purposes.CustomerRelationship, relationship.SubjectId,
            "customer_relationship", id.ToString(), RelationshipFields), ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static async Task<Results<Created<RelationshipResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        RelationshipRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        if (request.Source is null)
        {
            errors.Add("source", $"Required: one of {string.Join(", ", Enum.GetNames<DataSource>())}.");
        }

        if ((request.SubjectId is null) == (request.OrganisationId is null))
        {
            errors.Add("subjectId", "Give exactly one of subjectId (a consumer) and organisationId.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = new CustomerRelationship { Id = Guid.CreateVersion7(), Source = request.Source!.Value, OrganisationId = request.OrganisationId };
        var customer = await CustomerOfAsync(db, request.SubjectId, request.OrganisationId, ct);
        if (customer is null)
        {
            return request.OrganisationId is null
                ? errors.Add("subjectId", "No consumer has this subject key; for a business give organisationId.").Problem()
                : errors.Add("organisationId", "No such organisation.").Problem();
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number, ct))
        {
            return Duplicate("customerNumber", "Another relationship already has this customer number.");
        }

        relationship.SubjectId = customer.SubjectId;
        input.ApplyTo(relationship);
        db.Add(relationship);
        CodeIndex.Add(db, customer, input.Number);
        audit.Add(new AuditEntry("relationship.create", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            relationship.Id.ToString(), Access.SetFields(db.Entry(relationship))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/relationships/{relationship.Id}", relationship.ToResponse());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> UpdateAsync(
        Guid id, RelationshipRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (request.SubjectId is { } s && s != relationship.SubjectId)
        {
            errors.Add("subjectId", "The customer of a relationship cannot be changed.");
        }

        if (request.OrganisationId is { } o && o != relationship.OrganisationId)
        {
            errors.Add("organisationId", "The customer of a relationship cannot be changed.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number && r.Id != id, ct))
        {
            return Duplicate("customerNumber", "Another relationship already has this customer number.");
        }

        var entry = db.Entry(relationship);
        entry.Property(r => r.Version).OriginalValue = request.Version!.Value;
        var customer = await CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct);

        // An organisation made a sole trader after the relationship began now has a subject: follow it.
        relationship.SubjectId = customer?.SubjectId ?? relationship.SubjectId;
        if (customer is not null && relationship.CustomerNumber != input.Number)
        {
            await CodeIndex.ReplaceAsync(db, customer, relationship.CustomerNumber, input.Number, ct);
        }

        input.ApplyTo(relationship);
        if (request.Source is { } source)
        {
            relationship.Source = source;
        }

        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("relationship.update", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), Access.ChangedFields(entry).ToList()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> EndAsync(
        Guid id, EndRelationshipRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        var today = HelsinkiTime.Today(clock);
        var end = request.EndDate ?? today;
        if (end > today)
        {
            errors.Add("endDate", "Cannot be in the future.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (relationship.Status == RelationshipStatus.Ended)
        {
            return Duplicate("status", "The relationship has already ended; correct its end date with PUT.");
        }

        if (RelationshipRules.PeriodError(relationship.StartDate, end) is { } periodError)
        {
            return errors.Add("endDate", periodError).Problem();
        }

        db.Entry(relationship).Property(r => r.Version).OriginalValue = request.Version!.Value;
        relationship.EndDate = end;
        relationship.Status = RelationshipStatus.Ended;
        audit.Add(new AuditEntry("relationship.end", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), ["end_date", "status"]));

        // Nothing stays contracted or ordered after the cooperation ends.
        var contracts = await db.Set<Contract>()
            .Where(c => c.RelationshipId == id && (c.Status != ContractStatus.Ended || c.EndDate == null)).ToListAsync(ct);
        foreach (var contract in contracts)
        {
            contract.Status = ContractStatus.Ended;
            contract.EndDate = contract.EndDate is { } e && e < end ? e : end < contract.StartDate ? contract.StartDate : end;
            audit.Add(new AuditEntry("contract.end", Purposes.CustomerRelationship, relationship.SubjectId, "contract",
                contract.Id.ToString(), ["end_date", "status"]));
        }

        var services = await db.Set<OrderedService>()
            .Where(s => s.RelationshipId == id && s.Status != ServiceStatus.Cancelled).ToListAsync(ct);
        var (_, userId) = AuditLog.Actor(http.HttpContext?.User);
        foreach (var service in services)
        {
            service.Status = ServiceStatus.Cancelled;
            db.Add(new ServiceEvent
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                Kind = ServiceEventKind.Cancelled,
                Date = end,
                Reason = "The customer relationship ended.",
                ReportedBy = ReportedBy.Staff,
                RecordedByUserId = userId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Add(new AuditEntry("service.cancel", Purposes.CustomerRelationship, relationship.SubjectId, "ordered_service",
                service.Id.ToString(), ["status", "service_events"]));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static Task<Guid?> SubjectOfAsync(RegisterDbContext db, Guid relationshipId, CancellationToken ct) =>
        db.Set<CustomerRelationship>().Where(r => r.Id == relationshipId).Select(r => r.SubjectId).FirstOrDefaultAsync(ct);

    /// <summary>The search target of a customer: the consumer row, or the organisation; and its current subject.</summary>
    private static async Task<CustomerTarget?> CustomerOfAsync(RegisterDbContext db, Guid? subjectId, Guid? organisationId,
        CancellationToken ct)
    {
        if (organisationId is { } o)
        {
            return await db.Set<Organisation>().Where(x => x.Id == o)
                .Select(x => new CustomerTarget(SearchTarget.Organisation, x.Id, x.SubjectId)).FirstOrDefaultAsync(ct);
        }

        return await db.Set<Consumer>().Where(c => c.SubjectId == subjectId)
            .Select(c => new CustomerTarget(SearchTarget.Consumer, c.Id, c.SubjectId)).FirstOrDefaultAsync(ct);
    }

    internal static Conflict<HttpValidationProblemDetails> Duplicate(string field, string message) =>
        TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
        });
}

