using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>Hands overdue open invoices of one customer to a collection agency: a case, and each invoice InCollection.</summary>
public sealed class OpenCollectionCase(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText NotYetOverdue = new(
        "Perintään voi siirtää vain erääntyneen laskun: odota, että eräpäivä on mennyt.",
        "Bara förfallna fakturor kan överlämnas till indrivning: vänta tills förfallodagen har passerat.",
        "Only overdue invoices can be handed to collection: wait until the due date has passed.");

    private static readonly LocalText AtLeastOne = new(
        "Valitse vähintään yksi lasku.",
        "Välj minst en faktura.",
        "Name at least one invoice.");

    private static readonly LocalText AtMost = new(
        "Enintään {0} laskua perintätapausta kohden.",
        "Högst {0} fakturor per indrivningsärende.",
        "At most {0} invoices per case.");

    private static readonly LocalText SomeMissing = new(
        "Osaa näistä laskuista ei löydy.",
        "En del av fakturorna finns inte.",
        "Some of these invoices do not exist.");

    private static readonly LocalText SameCustomer = new(
        "Perintätapauksen kaikkien laskujen on oltava saman asiakkaan.",
        "Alla fakturor i ett indrivningsärende måste gälla samma kund.",
        "All invoices of a case must be of the same customer.");

    private static readonly LocalText OnlyOpen = new(
        "Perintään voi siirtää vain avoimia laskuja.",
        "Endast öppna fakturor kan lämnas till indrivning.",
        "Only open invoices can be handed to collection.");

    public const int MaxInvoicesPerCase = 100;

    public async Task<Outcome<CollectionCaseResponse>> RunAsync(CollectionCaseRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ids = request.InvoiceIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            errors.Add("invoiceIds", AtLeastOne);
        }
        else if (ids.Count > MaxInvoicesPerCase)
        {
            errors.Add("invoiceIds", AtMost.Format(MaxInvoicesPerCase));
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
            return Outcome.Invalid("invoiceIds", SomeMissing);
        }

        if (invoices.Select(i => (i.ConsumerId, i.OrganisationId)).Distinct().Count() > 1)
        {
            return Outcome.Invalid("invoiceIds", SameCustomer);
        }

        if (invoices.Any(i => i.Status != InvoiceStatus.Open))
        {
            return Outcome.Conflict("invoiceIds", OnlyOpen);
        }

        var today = HelsinkiTime.Today(clock);
        if (invoices.Any(i => !BillingRules.MayHandToCollection(i.Status, i.DueDate, today)))
        {
            return Outcome.Conflict("invoiceIds", NotYetOverdue);
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
