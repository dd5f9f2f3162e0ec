using CustomerRegister.Identity;
using CustomerRegister.Notice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Catalog.Pages;

/// <summary>The Art 30 record as a page, CSV and PDF: the same <see cref="ProcessingRecords"/> as <c>GET /api/catalog/record</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CatalogRead)]
public sealed class RecordModel(ProcessingRecords records) : PageModel
{
    public ProcessingRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await records.BuildAsync(IndexModel.Language, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var record = await records.BuildAsync(IndexModel.Language, ct);
        return File(ProcessingRecordFiles.Csv(record), ProcessingRecordFiles.CsvType, ProcessingRecordFiles.FileName(record, "csv"));
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var record = await records.BuildAsync(IndexModel.Language, ct);
        return File(ProcessingRecordFiles.Pdf(record), ProcessingRecordFiles.PdfType, ProcessingRecordFiles.FileName(record, "pdf"));
    }
}
