using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>What a status file changed: how many cases it updated and how many of them it closed.</summary>
public sealed record CollectionStatusImportResult(int Updated, int Closed);

/// <summary>
/// The collection agency's status file comes back in: every row is checked first (each refusal names its row), and
/// only when all pass are the cases updated, together in one save: all or nothing.
/// </summary>
public sealed class ImportCollectionStatuses(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string FileField = "file";

    private static readonly LocalText NoFile = new(
        "Valitse perintätoimiston tilannetiedosto (CSV).",
        "Välj indrivningsbyråns statusfil (CSV).",
        "Choose the agency's status file (CSV).");

    private static readonly LocalText Unreadable = new(
        "Tiedostoa ei voi lukea CSV-tiedostona (puolipiste erottimena).",
        "Filen kan inte läsas som en CSV-fil (semikolon som avgränsare).",
        "The file cannot be read as CSV (semicolon-separated).");

    private static readonly LocalText MissingColumns = new(
        "Tiedostosta puuttuu sarakkeet: {0}.",
        "Filen saknar kolumnerna: {0}.",
        "The file lacks the columns: {0}.");

    private static readonly LocalText TooManyRows = new(
        "Tiedostossa saa olla enintään {0} riviä.",
        "Filen får ha högst {0} rader.",
        "The file may have at most {0} rows.");

    private static readonly LocalText NoRows = new(
        "Tiedostossa ei ole yhtään tilanneriviä.",
        "Filen har inga statusrader.",
        "The file has no status rows.");

    private static readonly string[] UpdatedFields = ["agency_status", "agency_status_on", "agency_paid"];

    public async Task<Outcome<CollectionStatusImportResult>> RunAsync(byte[]? content, CancellationToken ct)
    {
        if (content is null || content.Length == 0)
        {
            return Outcome.Invalid(FileField, NoFile);
        }

        var file = CollectionFile.ReadStatuses(content);
        if (file.Unreadable)
        {
            return Outcome.Invalid(FileField, Unreadable);
        }

        if (file.MissingColumns.Count > 0)
        {
            return Outcome.Invalid(FileField, MissingColumns.Format(string.Join(", ", file.MissingColumns)));
        }

        if (file.TooManyRows)
        {
            return Outcome.Invalid(FileField, TooManyRows.Format(CollectionFile.MaxStatusRows));
        }

        if (file.Rows.Count == 0)
        {
            return Outcome.Invalid(FileField, NoRows);
        }

        var errors = new FieldErrors();
        var lines = new List<CollectionStatusRules.StatusLine>();
        var firstLineOf = new Dictionary<Guid, int>();
        foreach (var row in file.Rows)
        {
            if (CollectionStatusRules.Parse(row, errors) is not { } line)
            {
                continue;
            }

            if (firstLineOf.TryGetValue(line.CaseId, out var first))
            {
                errors.Add(CollectionStatusRules.Key(line.Line, "case_reference"), CollectionStatusRules.DuplicateCase.Format(line.Line, first));
                continue;
            }

            firstLineOf[line.CaseId] = line.Line;
            lines.Add(line);
        }

        var ids = lines.Select(l => l.CaseId).ToList();
        var cases = await db.Set<CollectionCase>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var invoices = await db.Set<Invoice>().Where(i => i.CollectionCaseId != null && ids.Contains(i.CollectionCaseId.Value)).ToListAsync(ct);
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var paid = (await db.Set<Payment>().Where(p => invoiceIds.Contains(p.InvoiceId)).Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var today = HelsinkiTime.Today(clock);
        foreach (var line in lines)
        {
            CollectionStatusRules.CaseFacts? facts = cases.TryGetValue(line.CaseId, out var found)
                ? new(found.Status, found.HandedOverAt is not null, HelsinkiTime.DateOf(found.OpenedAt),
                    invoices.Where(i => i.CollectionCaseId == found.Id).Sum(i => i.Amount), found.AgencyPaid)
                : null;
            CollectionStatusRules.Check(line, facts, today, errors);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(CollectionStatusRules.ByRow(errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var closed = 0;
        foreach (var line in lines)
        {
            var collection = cases[line.CaseId];
            collection.AgencyStatus = line.Status;
            collection.AgencyStatusOn = line.On;
            collection.AgencyPaid = line.AmountPaid ?? collection.AgencyPaid;
            var fields = new List<string>(UpdatedFields);
            if (CollectionStatusRules.ClosesCase(line.Status))
            {
                collection.Status = CollectionStatus.Closed;
                collection.ClosedAt = now;
                fields.AddRange(["status", "closed_at"]);
                closed++;
                foreach (var invoice in invoices.Where(i => i.CollectionCaseId == collection.Id))
                {
                    var after = CollectionStatusRules.InvoiceAfter(line.Status, invoice.Status, invoice.Amount, paid.GetValueOrDefault(invoice.Id));
                    if (after != invoice.Status)
                    {
                        invoice.Status = after;
                        audit.Add(new AuditEntry("invoice.update", Purposes.Invoicing, invoice.SubjectId, "invoice", invoice.Id.ToString(), ["status"]));
                    }
                }
            }

            audit.Add(new AuditEntry("collection.update", Purposes.Invoicing, collection.SubjectId, "collection_case", collection.Id.ToString(), fields));
        }

        await db.SaveChangesAsync(ct);
        return new CollectionStatusImportResult(lines.Count, closed);
    }
}
