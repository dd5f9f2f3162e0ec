using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;

namespace CustomerRegister.Imports;

public sealed record ImportStartedResponse(Guid BatchId, Guid JobId, string JobHref, string BatchHref);

public sealed record ImportBatchResponse(
    Guid Id, ImportKind Kind, DataSource Source, string Supplier, string FileName, string FileHash, long FileBytes, DuplicatePolicy Policy,
    ImportState State, DateTime UploadedAt, DateTime? CheckedAt, DateTime? ImportedAt, ImportCounts Counts, string? Problem);

public sealed record ImportRowResponse(int Line, RowAction Action, MatchKind? MatchedBy, string? RecordType, Guid? RecordId, Guid? SubjectId,
    bool Banned, IReadOnlyList<ImportReasonResponse> Reasons);

public sealed record ImportReasonResponse(string Column, string Reason);

internal sealed class ImportUploadLimit : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => ImportOptions.UploadLimitBytes;
}

/// <summary>The imports' API (<c>/api/imports</c>): the same use cases as the pages.</summary>
public static class ImportsEndpoints
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/imports").WithTags("Imports").RequirePermission(Permissions.ImportRun);
        g.MapPost("", async (ImportKind? kind, DataSource? source, string? supplier, DuplicatePolicy? policy, string? fileName, HttpRequest request,
                    ImportBatches batches, CancellationToken ct) =>
                {
                    Stream? content = request.Body;
                    if (request.HasFormContentType)
                    {
                        var form = await request.ReadFormAsync(ct);
                        var file = form.Files.GetFile(ImportBatches.FileField);
                        content = file?.OpenReadStream();
                        fileName ??= file?.FileName;
                    }

                    await using (content)
                    {
                        return (await batches.UploadAsync(new ImportUpload(kind, source, supplier, policy), content, fileName, ct))
                            .ToOk(Started);
                    }
                })
            .WithMetadata(new ImportUploadLimit())
            .Accepts<IFormFile>("multipart/form-data", ImportFile.ContentType)
            .WithName("UploadImport")
            .WithSummary("Upload a CSV file (text/csv body or a multipart 'file') of consumers, organisations or contact persons with its source, " +
                         "supplier and duplicate policy; its dry run starts at once (follow jobHref). Nothing is saved but the check's report.");
        g.MapGet("", async (ImportQueries q, CancellationToken ct) => TypedResults.Ok((await q.ListAsync(100, ct)).Select(ToResponse).ToList()))
            .WithName("ListImports").WithSummary("The latest 100 files with their provenance and counts, newest first.");
        g.MapGet("/{id:guid}", async (Guid id, ImportQueries q, CancellationToken ct) =>
                await q.FindAsync(id, ct) is { } b ? Results.Ok(ToResponse(b)) : Results.NotFound())
            .WithName("GetImport").WithSummary("One file's provenance, state and counts.");
        g.MapGet("/{id:guid}/rows", async (Guid id, RowAction? action, int? afterLine, int? limit, ImportQueries q, CancellationToken ct) =>
                {
                    var errors = new FieldErrors();
                    var size = Paging.Size(errors, limit);
                    if (errors.Any)
                    {
                        return Results.ValidationProblem(errors.ToDictionary());
                    }

                    if (await q.FindAsync(id, ct) is null)
                    {
                        return Results.NotFound();
                    }

                    var rows = await q.RowsAsync(id, action, afterLine ?? 0, size!.Value, ct);
                    return Results.Ok(rows.Select(r => new ImportRowResponse(r.Line, r.Action, r.MatchedBy, r.RecordType, r.RecordId, r.SubjectId, r.Banned,
                        [.. r.Reasons.Select(x => new ImportReasonResponse(x.Column, x.Reason.En))])).ToList());
                })
            .WithName("ListImportRows").WithSummary("The per-row report in line order (afterLine to page on; action to filter).");
        g.MapGet("/{id:guid}/report", async (Guid id, string? language, ImportQueries q, HttpContext http, CancellationToken ct) =>
                {
                    if (await q.FindAsync(id, ct) is not { } batch)
                    {
                        return Results.NotFound();
                    }

                    return Results.Stream(output => q.WriteReportAsync(id, language ?? "en", output, ct), ImportFile.ContentType + "; charset=utf-8",
                        ReportName(batch));
                })
            .Produces(StatusCodes.Status200OK, contentType: ImportFile.ContentType)
            .WithName("DownloadImportReport").WithSummary("The per-row report as CSV (semicolon-separated, UTF-8 with BOM), in fi, sv or en.");
        g.MapPost("/{id:guid}/confirm", async (Guid id, ImportBatches batches, CancellationToken ct) =>
                (await batches.ConfirmAsync(id, ct)).ToOk(Started))
            .WithName("ConfirmImport")
            .WithSummary("Import a checked file with no refused rows: the same file (by its hash), in one transaction, all rows or none.");
        g.MapPost("/{id:guid}/discard", async (Guid id, ImportBatches batches, CancellationToken ct) =>
                (await batches.DiscardAsync(id, ct)).ToNoContent())
            .WithName("DiscardImport").WithSummary("Drop a checked or failed file's copy; its report stays.");
        return app;
    }

    public static string ReportName(ImportBatchView batch) => $"tuontiraportti-{batch.UploadedAt:yyyyMMdd-HHmmss}.csv";

    private static ImportStartedResponse Started(ImportStarted s) => new(s.BatchId, s.JobId, $"/jobs/{s.JobId}", $"/imports/{s.BatchId}");

    private static ImportBatchResponse ToResponse(ImportBatchView b) => new(b.Id, b.Kind, b.Source, b.Supplier, b.FileName, b.FileHash, b.FileBytes,
        b.Policy, b.State, b.UploadedAt, b.CheckedAt, b.ImportedAt, b.Counts, b.Problem);
}
