using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>Hands overdue open invoices of one customer to a collection agency: a case, and each invoice InCollection.</summary>
public sealed class OpenCollectionCase(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxInvoicesPerCase = 100;

    public async Task<Outcome<CollectionCaseResponse>> RunAsync(CollectionCaseRequest request, CancellationToken ct)
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
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var invoices = await db.Set<Invoice>().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (invoices.Count != ids.Count)
        {
            return Outcome.Invalid("invoiceIds", "Some of these invoices do not exist.");
        }

        if (invoices.Select(i => (i.ConsumerId, i.OrganisationId)).Distinct().Count() > 1)
        {
            return Outcome.Invalid("invoiceIds", "All invoices of a case must be of the same customer.");
        }

        if (invoices.Any(i => i.Status != InvoiceStatus.Open))
        {
            return Outcome.Conflict("invoiceIds", "Only open invoices can be handed to collection.");
        }

        var today = HelsinkiTime.Today(clock);
        if (invoices.Any(i => !BillingRules.MayHandToCollection(i.Status, i.DueDate, today)))
        {
            return Outcome.Conflict("invoiceIds", "Only overdue invoices can be handed to collection: wait until the due date has passed.");
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
        return collection.ToResponse(ids);
    }
}
