using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

public static class ConsumersApi
{
    public const int MaxPageSize = 200;
    private const string BankAccountLookupKind = "iban";

    public static IEndpointRouteBuilder MapConsumers(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/", ListAsync).WithSummary("Consumers in creation order; page with ?after=<last id>.");
        read.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One consumer. ?reveal=bankAccount shows the whole account (BankAccount.Reveal, audited; state X-Purpose).");

        var write = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/", CreateAsync);
        write.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace the consumer's contact details; send the version you read.");

        var bank = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.BillingWrite);
        bank.MapPut("/{id:guid}/bank-account", SetBankAccountAsync).WithSummary("Set or clear (null) the bank account for metal credits.");
        return app;
    }

    private static async Task<Results<Ok<Page<ConsumerResponse>>, ValidationProblem>> ListAsync(
        RegisterDbContext db, AuditLog audit, ProcessingLimits limits, Guid? after, int? limit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {MaxPageSize}.").Problem();
        }

        // The list is an export of the register: restricted people (Art 18) stay out of it for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<Consumer>().AsNoTracking(), c => c.SubjectId);

        if (after is { } a)
        {
            query = query.Where(c => c.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(c => c.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("consumer.list", Purposes.CustomerRelationship, EntityType: "consumer",
            Fields: [Categories.Name.Id, Categories.Address.Id, Categories.Phone.Id, Categories.Email.Id]), ct);
        return TypedResults.Ok(new Page<ConsumerResponse>(page.Select(c => c.ToResponse()).ToList(), rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<ConsumerResponse>, NotFound, ValidationProblem, ForbidHttpResult>> GetAsync(
        Guid id, string? reveal, RegisterDbContext db, AuditLog audit, Access access, BankAccounts bankAccounts, ProcessingLimits limits,
        CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.CustomerRelationship);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null || await limits.HidesAsync(consumer.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        string? revealed = null;
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "bankAccount", StringComparison.OrdinalIgnoreCase))
            {
                return new FieldErrors().Add("reveal", "Only bankAccount can be revealed here.").Problem();
            }

            var (outcome, value) = await bankAccounts.RevealAsync(consumer, purpose, ct);
            switch (outcome)
            {
                case RevealOutcome.WrongPurpose:
                    return Reveals.WrongPurpose(Categories.BankAccount);
                case RevealOutcome.Forbidden:
                    return TypedResults.Forbid();
                default:
                    revealed = value;
                    break;
            }
        }

        await audit.WriteAsync(new AuditEntry("consumer.read", purpose, consumer.SubjectId, "consumer", id.ToString(),
            [Categories.Name.Id, Categories.Address.Id, Categories.Phone.Id, Categories.Email.Id, Categories.BankAccount.Id]), ct);
        return TypedResults.Ok(consumer.ToResponse(revealed));
    }

    private static async Task<Results<Created<ConsumerResponse>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        ConsumerRequest request, RegisterDbContext db, AuditLog audit, Access access, ProtectedCodes codes, MarketingBans bans,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ConsumerInput.Read(request, errors);
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        errors.RequiredSource(request.Source);

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (iban is not null && !await access.HasAsync(Categories.BankAccount.WritePermission))
        {
            return TypedResults.Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = new Subject { Id = Guid.CreateVersion7(), Kind = SubjectKind.Consumer, CreatedAt = now };
        var consumer = new Consumer { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Source = request.Source!.Value, CreatedAt = now };
        input.ApplyTo(consumer);
        if (iban is not null)
        {
            SetBankAccount(consumer, iban, codes);
        }

        db.Add(subject);
        db.Add(consumer);
        await SearchIndex.ReplaceAsync(db, SearchTarget.Consumer, consumer.Id, subject.Id, SearchIndex.SortKeyOf(consumer), SearchIndex.TermsOf(consumer), isNew: true, ct);
        await bans.ApplyAsync(subject.Id, consumer.Email, consumer.Phone, MarketingBans.PostalAddress(consumer.Street, consumer.PostalCode), ct);
        audit.Add(new AuditEntry("consumer.create", Purposes.CustomerRelationship, subject.Id, "consumer", consumer.Id.ToString(),
            Access.SetFields(db.Entry(consumer))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/consumers/{consumer.Id}", consumer.ToResponse());
    }

    private static async Task<Results<Ok<ConsumerResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, ConsumerRequest request, RegisterDbContext db, AuditLog audit, MarketingBans bans, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ConsumerInput.Read(request, errors);
        errors.RequiredVersion(request.Version);

        if (request.BankAccount is not null)
        {
            errors.Add("bankAccount", "Change the bank account with PUT /api/consumers/{id}/bank-account.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var consumer = await db.Set<Consumer>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null)
        {
            return TypedResults.NotFound();
        }

        var changed = VersionedUpdate.Apply(db, consumer, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        });
        await SearchIndex.ReplaceAsync(db, SearchTarget.Consumer, consumer.Id, consumer.SubjectId, SearchIndex.SortKeyOf(consumer), SearchIndex.TermsOf(consumer), isNew: false, ct);
        await bans.ApplyAsync(consumer.SubjectId, consumer.Email, consumer.Phone, MarketingBans.PostalAddress(consumer.Street, consumer.PostalCode), ct);
        audit.Add(new AuditEntry("consumer.update", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(consumer.ToResponse());
    }

    private static async Task<Results<Ok<ConsumerResponse>, NotFound, ValidationProblem>> SetBankAccountAsync(
        Guid id, BankAccountRequest request, RegisterDbContext db, AuditLog audit, ProtectedCodes codes, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        errors.RequiredVersion(request.Version);

        if (errors.Any)
        {
            return errors.Problem();
        }

        var consumer = await db.Set<Consumer>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null)
        {
            return TypedResults.NotFound();
        }

        db.Entry(consumer).Property(c => c.Version).OriginalValue = request.Version!.Value;
        if (iban is null)
        {
            consumer.BankAccountCipher = null;
            consumer.BankAccountLookup = null;
            consumer.BankAccountMasked = null;
        }
        else
        {
            SetBankAccount(consumer, iban, codes);
        }

        audit.Add(new AuditEntry(iban is null ? "consumer.bank_account.clear" : "consumer.bank_account.set", Purposes.Invoicing,
            consumer.SubjectId, "consumer", id.ToString(), ["bank_account"]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(consumer.ToResponse());
    }

    public static byte[] BankAccountLookup(ProtectedCodes codes, Iban iban) => codes.Lookup(BankAccountLookupKind, iban.Value);

    /// <summary>The one way a bank account is stored: encrypted, with its keyed hash for look-up and a masked copy.</summary>
    internal static void SetBankAccount(Consumer consumer, Iban iban, ProtectedCodes codes)
    {
        consumer.BankAccountCipher = codes.Encrypt(iban.Value);
        consumer.BankAccountLookup = BankAccountLookup(codes, iban);
        consumer.BankAccountMasked = iban.Masked();
    }
}

/// <summary>A consumer's validated, normalised contact details.</summary>
internal sealed record ConsumerInput(
    string FirstName, string LastName, string? Street, string? PostalCode, string? City, string? Phone, string? Email)
{
    public static ConsumerInput Read(ConsumerRequest r, FieldErrors errors) => new(
        errors.Text("firstName", r.FirstName, 100, required: true) ?? "",
        errors.Text("lastName", r.LastName, 100, required: true) ?? "",
        errors.Text("street", r.Street, 200),
        errors.Optional<PostalCode>("postalCode", r.PostalCode, Finnish.PostalCode.TryParse)?.Value,
        errors.Text("city", r.City, 100),
        errors.Optional<PhoneNumber>("phone", r.Phone, PhoneNumber.TryParse)?.Value,
        errors.Optional<EmailAddress>("email", r.Email, EmailAddress.TryParse)?.Value);

    public void ApplyTo(Consumer c)
    {
        c.FirstName = FirstName;
        c.LastName = LastName;
        c.Street = Street;
        c.PostalCode = PostalCode;
        c.City = City;
        c.Phone = Phone;
        c.Email = Email;
    }
}
