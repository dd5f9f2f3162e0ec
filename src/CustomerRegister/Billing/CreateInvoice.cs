using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Billing;

/// <summary>
/// Issues an invoice to a consumer or an organisation; the billing name and address are copied from the customer now
/// and never change. A duplicate invoice number is a conflict.
/// </summary>
public sealed class CreateInvoice(RegisterDbContext db, AuditLog audit, IOptions<BillingOptions> options, TimeProvider clock)
{
    private static readonly LocalText BeforeIssue = new(
        "Ei voi olla ennen laskun päivämäärää.",
        "Kan inte ligga före fakturadatumet.",
        "Cannot be before the issue date.");

    private static readonly LocalText NoSuchCustomer = new(
        "Asiakasta ei löydy.",
        "Kunden finns inte.",
        "No such customer.");

    private static readonly LocalText NoSuchRelationship = new(
        "Asiakkaalla ei ole tällaista asiakkuutta.",
        "Kunden har ingen sådan kundrelation.",
        "No such relationship of this customer.");

    private static readonly LocalText DuplicateNumber = new(
        "Toisella laskulla on jo tämä numero.",
        "En annan faktura har redan det här numret.",
        "Another invoice already has this number.");

    public async Task<Outcome<InvoiceResponse>> RunAsync(InvoiceRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if ((request.ConsumerId is null) == (request.OrganisationId is null))
        {
            errors.Add("consumerId", FieldMessages.ConsumerOrOrganisation);
        }

        var number = errors.DocumentNumber("invoiceNumber", request.InvoiceNumber);
        if (request.IssueDate is null)
        {
            errors.Add("issueDate", FieldMessages.Required);
        }

        if (request.DueDate is null)
        {
            errors.Add("dueDate", FieldMessages.Required);
        }
        else if (request.IssueDate is { } issued && request.DueDate < issued)
        {
            errors.Add("dueDate", BeforeIssue);
        }

        errors.Amount("amount", request.Amount);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var billed = await BilledCustomerAsync(request.ConsumerId, request.OrganisationId, ct);
        if (billed is null)
        {
            return Outcome.Invalid(request.ConsumerId is null ? "organisationId" : "consumerId", NoSuchCustomer);
        }

        if (request.RelationshipId is { } relationshipId && !await db.Set<CustomerRelationship>().AnyAsync(r => r.Id == relationshipId
                && (request.ConsumerId == null ? r.OrganisationId == request.OrganisationId : r.SubjectId == billed.SubjectId), ct))
        {
            return Outcome.Invalid("relationshipId", NoSuchRelationship);
        }

        if (await db.Set<Invoice>().AnyAsync(i => i.InvoiceNumber == number, ct))
        {
            return Outcome.Conflict("invoiceNumber", DuplicateNumber);
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
        return invoice.ToResponse([], settings.VoucherRetentionYears);
    }

    private sealed record BilledCustomer(Guid? SubjectId, BillingAddress Address);

    private async Task<BilledCustomer?> BilledCustomerAsync(Guid? consumerId, Guid? organisationId, CancellationToken ct)
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
