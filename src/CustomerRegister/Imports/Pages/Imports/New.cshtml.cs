using CustomerRegister.Catalog;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Imports.Pages.Imports;

/// <summary>The upload form (<c>/imports/new</c>): the same use case as <c>POST /api/imports</c>; its dry run runs as a job.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.ImportRun)]
[RequestSizeLimit(ImportOptions.UploadLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.UploadLimitBytes)]
public sealed class NewModel(ImportBatches batches) : PageModel
{
    [BindProperty]
    public UploadForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Kinds => FormChoices.Of<ImportKind>();

    public IReadOnlyList<SelectListItem> Sources =>
        [.. ImportBatches.Sources.Select(s => new SelectListItem(UiText.Get("Source." + s), s.ToString()))];

    public IReadOnlyList<SelectListItem> Policies => FormChoices.Of<DuplicatePolicy>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await using var content = Input.File is { Length: > 0 } f ? f.OpenReadStream() : null;
        var outcome = await batches.UploadAsync(new ImportUpload(Input.Kind, Input.Source, Input.Supplier, Input.Policy), content, Input.File?.FileName, ct);
        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/jobs/{outcome.Value!.JobId}");
    }

    public sealed class UploadForm
    {
        public IFormFile? File { get; set; }

        public ImportKind? Kind { get; set; }

        public DataSource? Source { get; set; }

        public string? Supplier { get; set; }

        public DuplicatePolicy? Policy { get; set; } = DuplicatePolicy.FillEmpty;
    }
}
