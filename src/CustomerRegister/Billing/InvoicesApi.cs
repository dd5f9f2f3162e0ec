using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>Invoices, their payments and debt collection.</summary>
public static class InvoicesApi
{
    public const int MaxPageSize = 200;
    public const int MaxInvoicesPerCase = 100;

    private static readonly string[] InvoiceFields = [Categories.Invoice.Id, Categories.Payment.Id];

    public static IEndpointRouteBuilder MapInvoices(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Billing").RequirePermission(Permissions.BillingRead);
        read.MapGet("/invoices", ListAsync).WithSummary("A customer's invoices: give consumerId or organisationId.");
        read.MapGet("/invoices/{id:guid}", GetAsync).WithSummary("One invoice with its payments.");
        read.MapGet("/collection-cases/{id:guid}", GetCaseAsync);

        var write = app.MapGroup("/api").WithTags("Billing").RequirePermission(Permissions.BillingWrite);
        write.MapPost("/invoices", CreateAsync)
            .WithSummary("Issue an invoice; the billing name and address are copied from the customer now and never change. A duplicate number answers 409.");
        write.MapPost("/invoices/{id:guid}/cancel", CancelAsync).WithSummary("Cancel an open invoice without payments; send the version you read.");
        write.MapPost("/invoices/{id:guid}/payments", AddPaymentAsync).WithSummary("Record a payment; paid in full marks the invoice Paid.");
        write.MapPost("/collection-cases", OpenCaseAsync).WithSummary("Hand open invoices of one customer to a collection agency.");
        write.MapPost("/collection-cases/{id:guid}/close", CloseCaseAsync).WithSummary("Close a case; unpaid invoices return to Open.");
        return app;
    }

    private static async Task<Results<Ok<List<InvoiceResponse>>, ValidationProblem>> ListAsync(
        Guid? consumerId, Guid? organisationId, int? limit, RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options,
        ProcessingLimits limits, CancellationToken ct)
    {
        var size = limit ?? 50;
        var errors = new FieldErrors();
        if ((consumerId is null) == (organisationId is null))
        {
            errors.Add("consumerId", "Give exactly one of consumerId and organisationId.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"Between 1 and {MaxPageSize}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        // A restricted person's invoices (Art 18) stay out of the list for all but the DPO.
        var invoices = await (await limits.VisibleAsync(db.Set<Invoice>().AsNoTracking(), i => i.SubjectId))
            .Where(i => consumerId != null ? i.ConsumerId == consumerId : i.OrganisationId == organisationId)
            .OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Id).Take(size).ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => ids.Contains(p.InvoiceId)).ToListAsync(ct);
        foreach (var subjectId in invoices.Select(i => i.SubjectId).Distinct())
        {
            audit.Add(new AuditEntry("invoice.list", Purposes.Invoicing, subjectId, "invoice", Fields: InvoiceFields));
        }

        await db.SaveChangesAsync(ct);
        var years = options.Value.VoucherRetentionYears;
        return TypedResults.Ok(invoices.Select(i => i.ToResponse(payments, years)).ToList());
    }

    private static async Task<Results<Ok<InvoiceResponse>, NotFound>> GetAsync(
        Guid id, RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, ProcessingLimits limits, CancellationToken ct)
    {
        var invoice = await db.Set<Invoice>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || await limits.HidesAsync(invoice.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.InvoiceId == id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("invoice.read", Purposes.Invoicing, invoice.SubjectId, "invoice", id.ToString(), InvoiceFields), ct);
        return TypedResults.Ok(invoice.ToResponse(payments, options.Value.VoucherRetentionYears));
    }

    private static async Task<Results<Created<InvoiceResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        InvoiceRequest request, RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if ((request.ConsumerId is null) == (request.OrganisationId is null))
        {
            errors.Add("consumerId", "Give exactly one of consumerId and organisationId.");
        }

        var number = errors.Text("invoiceNumber", request.InvoiceNumber, 30, required: true);
        if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            errors.Add("invoiceNumber", "Only letters A–Z, digits and - / . are allowed.");
        }

        if (request.IssueDate is null)
        {
            errors.Add("issueDate", "Required.");
        }

        if (request.DueDate is null)
        {
            errors.Add("dueDate", "Required.");
        }
        else if (request.IssueDate is { } issued && request.DueDate < issued)
        {
            errors.Add("dueDate", "Cannot be before the issue date.");
        }

        AmountRequired(errors, "amount", request.Amount);
        SourceRequired(errors, request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var billed = await BilledCustomerAsync(db, request.ConsumerId, request.OrganisationId, ct);
        if (billed is null)
        {
            return errors.Add(request.ConsumerId is null ? "organisationId" : "consumerId", "No such customer.").Problem();
        }

        if (request.RelationshipId is { } relationshipId && !await db.Set<CustomerRelationship>().AnyAsync(r => r.Id == relationshipId
                && (request.ConsumerId == null ? r.OrganisationId == request.OrganisationId : r.SubjectId == billed.SubjectId), ct))
        {
            return errors.Add("relationshipId", "No such relationship of this customer.").Problem();
        }

        if (await db.Set<Invoice>().AnyAsync(i => i.InvoiceNumber == number, ct))
        {
            return FieldConflict.Problem("invoiceNumber", "Another invoice already has this number.");
        }

        var settings = options.Value;
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(),
            SubjectId = billed.SubjectId,
            ConsumerId = request.ConsumerId,
            OrganisationId = request.OrganisationId,
            RelationshipId = request.RelationshipId,
            InvoiceNumber = number!,
            IssueDate = request.IssueDate!.Value,
            DueDate = request.DueDate!.Value,
            FinancialYearEnd = BillingRules.FinancialYearEnd(request.IssueDate.Value, settings.FinancialYearEndMonth, settings.FinancialYearEndDay),
            Amount = request.Amount!.Value,
            Status = InvoiceStatus.Open,
            BillingName = billed.Address.Name,
            BillingStreet = billed.Address.Street,
            BillingPostalCode = billed.Address.PostalCode,
            BillingCity = billed.Address.City,
            Source = request.Source!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(invoice);
        audit.Add(new AuditEntry("invoice.create", Purposes.Invoicing, invoice.SubjectId, "invoice", invoice.Id.ToString(),
            Access.SetFields(db.Entry(invoice))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/invoices/{invoice.Id}", invoice.ToResponse([], settings.VoucherRetentionYears));
    }

    private static async Task<Results<Ok<InvoiceResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CancelAsync(
        Guid id, VersionRequest request, RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, CancellationToken ct)
    {
        if (request.Version is null)
        {
            return new FieldErrors().Add("version", "Required: the version you read.").Problem();
        }

        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        db.Entry(invoice).Property(i => i.Version).OriginalValue = request.Version.Value;
        if (invoice.Status != InvoiceStatus.Open || await db.Set<Payment>().AnyAsync(p => p.InvoiceId == id, ct))
        {
            return FieldConflict.Problem("status", "Only an open invoice without payments can be cancelled.");
        }

        invoice.Status = InvoiceStatus.Cancelled;
        audit.Add(new AuditEntry("invoice.cancel", Purposes.Invoicing, invoice.SubjectId, "invoice", id.ToString(), ["status"]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(invoice.ToResponse([], options.Value.VoucherRetentionYears));
    }

    private static async Task<Results<Created<InvoiceResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AddPaymentAsync(
        Guid id, PaymentRequest request, RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        AmountRequired(errors, "amount", request.Amount);
        var reference = errors.Text("reference", request.Reference, 35);
        if (request.Method is null)
        {
            errors.Add("method", $"Required: one of {string.Join(", ", Enum.GetNames<PaymentMethod>())}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.PaidAt is { } paidAt && paidAt.ToUniversalTime() > now.AddDays(1))
        {
            errors.Add("paidAt", "Cannot be in the future.");
        }

        SourceRequired(errors, request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return TypedResults.NotFound();
        }

        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            return FieldConflict.Problem("status", "The invoice is cancelled.");
        }

        var payments = await db.Set<Payment>().Where(p => p.InvoiceId == id).ToListAsync(ct);
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = id,
            SubjectId = invoice.SubjectId,
            ConsumerId = invoice.ConsumerId,
            OrganisationId = invoice.OrganisationId,
            PaidAt = request.PaidAt?.ToUniversalTime() ?? now,
            Amount = request.Amount!.Value,
            Reference = reference,
            Method = request.Method!.Value,
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        db.Add(payment);
        payments.Add(payment);
        invoice.Status = BillingRules.AfterPayment(invoice.Status, invoice.Amount, payments.Sum(p => p.Amount));
        audit.Add(new AuditEntry("payment.create", Purposes.Invoicing, invoice.SubjectId, "payment", payment.Id.ToString(),
            Access.SetFields(db.Entry(payment))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/invoices/{id}", invoice.ToResponse(payments, options.Value.VoucherRetentionYears));
    }

    private static async Task<Results<Ok<CollectionCaseResponse>, NotFound>> GetCaseAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var found = await db.Set<CollectionCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        var invoiceIds = await db.Set<Invoice>().Where(i => i.CollectionCaseId == id).Select(i => i.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("collection.read", Purposes.Invoicing, found.SubjectId, "collection_case", id.ToString(),
            [Categories.Collection.Id]), ct);
        return TypedResults.Ok(found.ToResponse(invoiceIds));
    }

    private static async Task<Results<Created<CollectionCaseResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> OpenCaseAsync(
        CollectionCaseRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ids = request.InvoiceIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            errors.Add("invoiceIds", "Name at least one invoice.");
        }
        else if (ids.Count > MaxInvoicesPerCase)
        {
            errors.Add("invoiceIds", $"At most {MaxInvoicesPerCase} invoices per case.");
        }

        var agency = errors.Text("agencyName", request.AgencyName, 200, required: true);
        SourceRequired(errors, request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var invoices = await db.Set<Invoice>().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (invoices.Count != ids.Count)
        {
            return errors.Add("invoiceIds", "Some of these invoices do not exist.").Problem();
        }

        if (invoices.Select(i => (i.ConsumerId, i.OrganisationId)).Distinct().Count() > 1)
        {
            return errors.Add("invoiceIds", "All invoices of a case must be of the same customer.").Problem();
        }

        if (invoices.Any(i => i.Status != InvoiceStatus.Open))
        {
            return FieldConflict.Problem("invoiceIds", "Only open invoices can be handed to collection.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = invoices[0];
        var collection = new CollectionCase
        {
            Id = Guid.CreateVersion7(),
            SubjectId = first.SubjectId,
            ConsumerId = first.ConsumerId,
            OrganisationId = first.OrganisationId,
            OpenedAt = now,
            AgencyName = agency!,
            Status = CollectionStatus.Open,
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        db.Add(collection);
        foreach (var invoice in invoices)
        {
            invoice.Status = InvoiceStatus.InCollection;
            invoice.CollectionCaseId = collection.Id;
            audit.Add(new AuditEntry("invoice.collection", Purposes.Invoicing, invoice.SubjectId, "invoice", invoice.Id.ToString(),
                ["status", "collection_case_id"]));
        }

        audit.Add(new AuditEntry("collection.open", Purposes.Invoicing, collection.SubjectId, "collection_case", collection.Id.ToString(),
            Access.SetFields(db.Entry(collection))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/collection-cases/{collection.Id}", collection.ToResponse(ids));
    }

    private static async Task<Results<Ok<CollectionCaseResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CloseCaseAsync(
        Guid id, VersionRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (request.Version is null)
        {
            return new FieldErrors().Add("version", "Required: the version you read.").Problem();
        }

        var collection = await db.Set<CollectionCase>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collection is null)
        {
            return TypedResults.NotFound();
        }

        db.Entry(collection).Property(c => c.Version).OriginalValue = request.Version.Value;
        if (collection.Status == CollectionStatus.Closed)
        {
            return FieldConflict.Problem("status", "The case is already closed.");
        }

        collection.Status = CollectionStatus.Closed;
        collection.ClosedAt = clock.GetUtcNow().UtcDateTime;
        var invoices = await db.Set<Invoice>().Where(i => i.CollectionCaseId == id).ToListAsync(ct);
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var paid = (await db.Set<Payment>().Where(p => invoiceIds.Contains(p.InvoiceId)).Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        foreach (var invoice in invoices)
        {
            invoice.Status = BillingRules.AfterCollectionClosed(invoice.Status, invoice.Amount, paid.GetValueOrDefault(invoice.Id));
        }

        audit.Add(new AuditEntry("collection.close", Purposes.Invoicing, collection.SubjectId, "collection_case", id.ToString(),
            ["status", "closed_at"]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(collection.ToResponse(invoiceIds));
    }

    internal static void AmountRequired(FieldErrors errors, string field, decimal? amount)
    {
        if (amount is null)
        {
            errors.Add(field, "Required.");
        }
        else if (BillingRules.AmountError(amount.Value) is { } error)
        {
            errors.Add(field, error);
        }
    }

    internal static void SourceRequired(FieldErrors errors, DataSource? source)
    {
        if (source is null)
        {
            errors.Add("source", $"Required: one of {string.Join(", ", Enum.GetNames<DataSource>())}.");
        }
    }

    private sealed record BilledCustomer(Guid? SubjectId, BillingAddress Address);

    private static async Task<BilledCustomer?> BilledCustomerAsync(RegisterDbContext db, Guid? consumerId, Guid? organisationId,
        CancellationToken ct)
    {
        if (consumerId is { } cid)
        {
            var c = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == cid, ct);
            return c is null ? null : new(c.SubjectId, new($"{c.FirstName} {c.LastName}", c.Street, c.PostalCode, c.City));
        }

        var o = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == organisationId, ct);
        return o is null ? null : new(o.SubjectId, new(o.Name, o.Street, o.PostalCode, o.City));
    }
}
