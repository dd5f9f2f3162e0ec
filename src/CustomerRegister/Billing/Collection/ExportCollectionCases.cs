using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Protection;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>The agency's file: its name, its bytes, which cases it holds and which categories it discloses.</summary>
public sealed record CollectionExport(
    string FileName, byte[] Content, string AgencyName, IReadOnlyList<Guid> CaseIds, IReadOnlyList<string> CategoryKeys, int WithheldCases);

/// <summary>
/// Hands collection cases to their agency as the agency's CSV file (notice § 8), through the one disclosure path
/// (<see cref="DiscloseData"/>): the agency must be an active recipient in the registry, in the EU/EEA or with a
/// safeguard, allowed every category collection needs; the file then carries only the columns of the categories the
/// registry allows (the identity code only where it is allowed) and each person's disclosure is logged. A restricted
/// person's case is left out. The first hand-over of a case is recorded on it.
/// </summary>
public sealed class ExportCollectionCases(
    RegisterDbContext db, AuditLog audit, DiscloseData disclose, RecipientQueries recipients, ProtectedCodes codes, TimeProvider clock)
{
    public const int MaxCasesPerFile = 1000;

    private static readonly LocalText CaseClosed = new(
        "Suljettua perintätapausta ei lähetetä perintätoimistolle.",
        "Ett avslutat indrivningsärende skickas inte till indrivningsbyrån.",
        "A closed case is not sent to the agency.");

    private static readonly LocalText NoRecipient = new(
        "Perintätoimistoa {0} ei ole vastaanottajarekisterissä (tai se on päättynyt): tietosuojavastaava lisää sen sivulla Vastaanottajat.",
        "Indrivningsbyrån {0} finns inte i mottagarregistret (eller har upphört): dataskyddsombudet lägger till den på sidan Mottagare.",
        "The agency {0} is not an active recipient in the registry: the DPO adds it on the Recipients page.");

    private static readonly LocalText NotAllowed = new(
        "Perintätoimiston vastaanottajatiedot eivät salli näitä perinnässä tarvittavia tietoja: {0}.",
        "Indrivningsbyråns mottagaruppgifter tillåter inte dessa uppgifter som indrivningen behöver: {0}.",
        "The agency's recipient record does not allow these categories collection needs: {0}.");

    private static readonly LocalText AllRestricted = new(
        "Asiakkaan tietojen käsittelyä on rajoitettu: tietoja ei luovuteta perintätoimistolle.",
        "Behandlingen av kundens uppgifter är begränsad: uppgifterna lämnas inte ut till indrivningsbyrån.",
        "The customer's processing is restricted: nothing is disclosed to the agency.");

    private static readonly LocalText NoneWaiting = new(
        "Tällä perintätoimistolla ei ole lähettämättömiä perintätapauksia.",
        "Denna indrivningsbyrå har inga ärenden som väntar på att skickas.",
        "This agency has no cases waiting to be sent.");

    private static readonly LocalText AgencyRequired = new(
        "Valitse perintätoimisto.", "Välj indrivningsbyrå.", "Choose the agency.");

    /// <summary>One case's file (sent again when it was sent before: each sending is a disclosure).</summary>
    public async Task<Outcome<CollectionExport>> OneAsync(Guid caseId, CancellationToken ct)
    {
        var collection = await db.Set<CollectionCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (collection is null)
        {
            return Outcome.Missing;
        }

        if (collection.Status == CollectionStatus.Closed)
        {
            return Outcome.Conflict("status", CaseClosed);
        }

        return await ExportAsync(collection.AgencyName, [collection], ct);
    }

    /// <summary>Every open case of the agency (its name as the cases have it) not yet handed over (at most <see cref="MaxCasesPerFile"/>, oldest first), in one file.</summary>
    public async Task<Outcome<CollectionExport>> WaitingAsync(string? agencyName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agencyName))
        {
            return Outcome.Invalid("agencyName", AgencyRequired);
        }

        // The name exactly as the cases carry it (the page offers the names it listed): a database's lower() may not fold ä/Ö.
        var name = agencyName.Trim();
        var cases = await db.Set<CollectionCase>()
            .Where(c => c.Status == CollectionStatus.Open && c.HandedOverAt == null && c.AgencyName == name)
            .OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).Take(MaxCasesPerFile).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return Outcome.Conflict("agencyName", NoneWaiting);
        }

        return await ExportAsync(name, cases, ct);
    }

    /// <summary>The agencies with open cases not yet handed over, and how many each has waiting.</summary>
    public async Task<IReadOnlyList<(string AgencyName, int Cases)>> WaitingByAgencyAsync(CancellationToken ct)
    {
        var rows = await db.Set<CollectionCase>().AsNoTracking()
            .Where(c => c.Status == CollectionStatus.Open && c.HandedOverAt == null)
            .GroupBy(c => c.AgencyName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Key, StringComparer.CurrentCultureIgnoreCase).Select(r => (r.Key, r.Count))];
    }

    private async Task<Outcome<CollectionExport>> ExportAsync(string agencyName, IReadOnlyList<CollectionCase> cases, CancellationToken ct)
    {
        var recipient = await recipients.FindActiveByNameAsync(agencyName, ct);
        if (recipient is null)
        {
            return Outcome.Conflict("agencyName", NoRecipient.Format(agencyName), "no-recipient");
        }

        // Decide before anything is logged: a recipient that may not receive what collection needs gets nothing.
        var requested = CollectionExportColumns.Requested.Select(c => c.Id).ToList();
        var decision = DisclosureRules.Decide(recipient, requested);
        if (decision.Refusal is { } refusal)
        {
            return Outcome.Conflict("agencyName", DisclosureRules.Text(refusal), DiscloseData.Reason(refusal));
        }

        if (CollectionExportColumns.Missing(decision.Allowed) is { Count: > 0 } missing)
        {
            return Outcome.Conflict("agencyName", NotAllowed.Format(string.Join(", ", missing.Select(c => c.Id))), "categories-not-allowed");
        }

        // The people among the debtors go through the one disclosure path; an organisation's case holds no personal data.
        var allowed = decision.Allowed;
        var subjectIds = cases.Where(c => c.SubjectId is not null).Select(c => c.SubjectId!.Value).Distinct().ToList();
        var withheld = new HashSet<Guid>();
        if (subjectIds.Count > 0)
        {
            var disclosed = await disclose.DiscloseAsync(new DisclosureOrder(recipient.Id, subjectIds, requested, Purposes.Invoicing), ct);
            if (!disclosed.IsOk)
            {
                return new Failure(disclosed.Errors, disclosed.Conflict, disclosed.NotFound);
            }

            allowed = disclosed.Value!.CategoryKeys;
            withheld = [.. disclosed.Value.WithheldSubjectIds];
        }

        var sent = cases.Where(c => c.SubjectId is not { } s || !withheld.Contains(s)).ToList();
        if (sent.Count == 0)
        {
            return Outcome.Conflict("subjectId", AllRestricted, "restricted");
        }

        var columns = CollectionExportColumns.For(allowed);
        var handovers = await LoadAsync(sent, allowed.Contains(Categories.IdentityCode.Id), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var collection in sent.Where(c => c.HandedOverAt is null))
        {
            collection.HandedOverAt = now;
            audit.Add(new AuditEntry("collection.update", Purposes.Invoicing, collection.SubjectId, "collection_case", collection.Id.ToString(),
                ["handed_over_at"]));
        }

        await db.SaveChangesAsync(ct);
        var content = CollectionFile.Write(columns, CollectionExportRows.Of(handovers));
        return new CollectionExport(CollectionFile.FileName(now), content, recipient.Name, [.. sent.Select(c => c.Id)],
            CollectionExportColumns.CategoriesOf(columns), cases.Count - sent.Count);
    }

    private async Task<List<CollectionHandover>> LoadAsync(IReadOnlyList<CollectionCase> cases, bool withIdentityCode, CancellationToken ct)
    {
        var caseIds = cases.Select(c => c.Id).ToList();
        var invoices = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CollectionCaseId != null && caseIds.Contains(i.CollectionCaseId.Value)).ToListAsync(ct);
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => invoiceIds.Contains(p.InvoiceId)).ToListAsync(ct);
        var consumerIds = cases.Where(c => c.ConsumerId is not null).Select(c => c.ConsumerId!.Value).ToList();
        var consumers = await db.Set<Consumer>().AsNoTracking().Where(c => consumerIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName, c.Street, c.PostalCode, c.City }).ToDictionaryAsync(c => c.Id, ct);
        var organisationIds = cases.Where(c => c.OrganisationId is not null).Select(c => c.OrganisationId!.Value).ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Street, o.PostalCode, o.City }).ToDictionaryAsync(o => o.Id, ct);
        var identityCodes = withIdentityCode ? await IdentityCodesAsync(cases, ct) : [];

        var handovers = new List<CollectionHandover>();
        foreach (var c in cases)
        {
            var own = invoices.Where(i => i.CollectionCaseId == c.Id).ToList();
            var billed = own.OrderBy(i => i.IssueDate).LastOrDefault();

            // The customer's name and address as they are now (where the agency reaches them), else the billing copy.
            var debtor = c.ConsumerId is { } ci && consumers.TryGetValue(ci, out var consumer)
                ? new CollectionDebtor(consumer.Name, consumer.Street, consumer.PostalCode, consumer.City, null)
                : c.OrganisationId is { } oi && organisations.TryGetValue(oi, out var organisation)
                    ? new CollectionDebtor(organisation.Name, organisation.Street, organisation.PostalCode, organisation.City, null)
                    : new CollectionDebtor(billed?.BillingName ?? "", billed?.BillingStreet, billed?.BillingPostalCode, billed?.BillingCity, null);
            if (c.SubjectId is { } s && identityCodes.TryGetValue(s, out var code))
            {
                debtor = debtor with { IdentityCode = code };
            }

            handovers.Add(new CollectionHandover(c, debtor, own, [.. payments.Where(p => own.Any(i => i.Id == p.InvoiceId))]));
        }

        return handovers;
    }

    /// <summary>The identity code each person last gave on a scrapping certificate that still keeps it.</summary>
    private async Task<Dictionary<Guid, string>> IdentityCodesAsync(IReadOnlyList<CollectionCase> cases, CancellationToken ct)
    {
        var subjectIds = cases.Where(c => c.SubjectId is not null).Select(c => c.SubjectId!.Value).Distinct().ToList();
        var certificates = await db.Set<ScrappingCertificate>().AsNoTracking()
            .Where(c => subjectIds.Contains(c.SubjectId) && c.IdentityCodeCipher != null)
            .Select(c => new { c.SubjectId, c.IssueDate, c.IdentityCodeCipher }).ToListAsync(ct);
        return certificates.GroupBy(c => c.SubjectId)
            .ToDictionary(g => g.Key, g => codes.Decrypt(g.OrderByDescending(c => c.IssueDate).First().IdentityCodeCipher!));
    }
}
