using System.Globalization;
using CsvHelper;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Imports;

/// <summary>A batch as the list and its page show it (provenance and counts, no row values).</summary>
public sealed record ImportBatchView(
    Guid Id, ImportKind Kind, DataSource Source, string Supplier, string FileName, string FileHash, long FileBytes, DuplicatePolicy Policy,
    ImportState State, string? UploadedBy, DateTime UploadedAt, DateTime? CheckedAt, string? ImportedBy, DateTime? ImportedAt,
    ImportCounts Counts, string? Problem, string? ProblemDetail);

/// <summary>One row of a batch's report.</summary>
public sealed record ImportRowView(int Line, RowAction Action, MatchKind? MatchedBy, string? RecordType, Guid? RecordId, Guid? SubjectId, bool Banned,
    IReadOnlyList<(string Column, LocalText Reason)> Reasons);

/// <summary>Where a person's records came from by import: the batch's provenance and what the row did.</summary>
public sealed record ImportProvenance(Guid BatchId, DataSource Source, string Supplier, string FileName, DateTime? ImportedAt, RowAction Action,
    MatchKind? MatchedBy, int Line);

/// <summary>An import in the person's access report (Art 15(1)(g), notice § 7): when, from which source and supplier, which file.</summary>
public sealed record ReportImport(DateTime? ImportedAt, string Source, string Supplier, string FileName, string Action, string Text);

/// <summary>Reads batches, their reports (paged, and as CSV streamed row by row) and a person's import provenance.</summary>
public sealed class ImportQueries(RegisterDbContext db, StaffNames staff)
{
    public const int ReportPage = 100;

    public async Task<IReadOnlyList<ImportBatchView>> ListAsync(int take, CancellationToken ct)
    {
        var batches = await db.Set<ImportBatch>().AsNoTracking().OrderByDescending(b => b.UploadedAt).ThenByDescending(b => b.Id).Take(take).ToListAsync(ct);
        var names = await staff.OfAsync(batches.SelectMany(b => new[] { b.UploadedBy, b.ImportedBy }), ct);
        return [.. batches.Select(b => View(b, names))];
    }

    public async Task<ImportBatchView?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<ImportBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } batch)
        {
            return null;
        }

        return View(batch, await staff.OfAsync([batch.UploadedBy, batch.ImportedBy], ct));
    }

    /// <summary>A page of the report in line order; <paramref name="action"/> keeps only rows of that outcome.</summary>
    public async Task<IReadOnlyList<ImportRowView>> RowsAsync(Guid id, RowAction? action, int afterLine, int take, CancellationToken ct)
    {
        var query = db.Set<ImportRow>().AsNoTracking().Where(r => r.BatchId == id && r.Line > afterLine);
        if (action is { } a)
        {
            query = query.Where(r => r.Action == a);
        }

        return [.. (await query.OrderBy(r => r.Line).Take(take).ToListAsync(ct)).Select(View)];
    }

    /// <summary>The report as CSV (<c>;</c>, UTF-8 with a byte order mark, for Finnish Excel) in <paramref name="language"/>, written row by row.</summary>
    public async Task WriteReportAsync(Guid id, string language, Stream output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            Separator = ';',
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
        csv.WriteRecord([.. new[] { "Report.Line", "Report.Action", "Report.MatchedBy", "Report.Record", "Report.Banned", "Report.Column", "Report.Reasons" }
            .Select(k => ImportTexts.Texts["Imports." + k].In(language))]);
        var after = 0;
        while (true)
        {
            var rows = await RowsAsync(id, null, after, 1000, ct);
            foreach (var r in rows)
            {
                csv.WriteRecord([
                    r.Line.ToString(CultureInfo.InvariantCulture),
                    ImportTexts.Texts["RowAction." + r.Action].In(language),
                    r.MatchedBy is { } m ? ImportTexts.Texts["MatchKind." + m].In(language) : "",
                    r.RecordId?.ToString() ?? "",
                    r.Banned ? ImportTexts.Texts["Imports.Report.Yes"].In(language) : "",
                    string.Join(", ", r.Reasons.Select(x => x.Column).Where(c => c.Length > 0).Distinct()),
                    string.Join(" ", r.Reasons.Select(x => x.Reason.In(language))),
                ]);
            }

            if (rows.Count < 1000)
            {
                break;
            }

            after = rows[^1].Line;
            await csv.FlushAsync(ct);
        }
    }

    /// <summary>The imports that created or updated the person's records, newest first (person page, access report).</summary>
    public static async Task<List<ImportProvenance>> OfSubjectAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        await (from r in db.Set<ImportRow>().AsNoTracking()
               join b in db.Set<ImportBatch>() on r.BatchId equals b.Id
               where r.SubjectId == subjectId && b.State == ImportState.Imported && (r.Action == RowAction.New || r.Action == RowAction.Updated)
               orderby b.ImportedAt descending
               select new ImportProvenance(b.Id, b.Source, b.Supplier, b.FileName, b.ImportedAt, r.Action, r.MatchedBy, r.Line)).ToListAsync(ct);

    /// <summary>The person's imports in words of <paramref name="language"/>, for the access report.</summary>
    public static async Task<List<ReportImport>> ForReportAsync(RegisterDbContext db, Guid subjectId, string language, CancellationToken ct) =>
        [.. (await OfSubjectAsync(db, subjectId, ct)).Select(i =>
        {
            var source = Localization.UiText.Text("Source." + i.Source).In(language);
            var action = ImportTexts.Texts["RowAction." + i.Action].In(language);
            return new ReportImport(i.ImportedAt, source, i.Supplier, i.FileName, action,
                ImportTexts.Texts["Imports.Panel.Line"].Format(Display.Date(i.ImportedAt), source, i.Supplier, i.FileName, i.Line).In(language)
                + ": " + action);
        })];

    private static ImportRowView View(ImportRow r) =>
        new(r.Line, r.Action, r.MatchedBy, r.RecordType, r.RecordId, r.SubjectId, r.Banned, ImportReasons.Split(r.Reasons));

    private static ImportBatchView View(ImportBatch b, IReadOnlyDictionary<Guid, string> names) => new(
        b.Id, b.Kind, b.Source, b.Supplier, b.FileName, b.FileHash, b.FileBytes, b.Policy, b.State,
        b.UploadedBy is { } u ? names.GetValueOrDefault(u) : null, b.UploadedAt, b.CheckedAt,
        b.ImportedBy is { } i ? names.GetValueOrDefault(i) : null, b.ImportedAt,
        new ImportCounts(b.Rows, b.New, b.Updated, b.Unchanged, b.Skipped, b.Refused, b.Banned), b.Problem, b.ProblemDetail);
}
