using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Billing;

/// <summary>The collection hand-over's API: the agency's file out (a disclosure), the agency's status file in.</summary>
public static class CollectionEndpoints
{
    /// <summary>The name of an export's form field / JSON property naming the agency.</summary>
    public sealed record CollectionBatchRequest(string? AgencyName);

    public static IEndpointRouteBuilder MapCollection(this IEndpointRouteBuilder app)
    {
        // Sending the file discloses data and records the hand-over; the status file changes cases: Billing.Write, as the other billing writes.
        var write = app.MapGroup("/api").WithTags("Billing").RequirePermission(Permissions.BillingWrite);
        write.MapGet("/collection-cases/{id:guid}/export", async (Guid id, ExportCollectionCases export, CancellationToken ct) =>
                (await export.OneAsync(id, ct)).To(File))
            .Produces(StatusCodes.Status200OK, contentType: CollectionFile.ContentType)
            .WithName("ExportCollectionCase")
            .WithSummary("The case as the agency's CSV file (semicolon-separated): name, address, invoices and payments, the identity code only " +
                         "when the agency's recipient record allows it. Logged as a disclosure per person; a restricted person gets nothing (409).");
        write.MapPost("/collection-cases/export", async (CollectionBatchRequest request, ExportCollectionCases export, CancellationToken ct) =>
                (await export.WaitingAsync(request.AgencyName, ct)).To(File))
            .Produces(StatusCodes.Status200OK, contentType: CollectionFile.ContentType)
            .WithName("ExportWaitingCollectionCases")
            .WithSummary("Every open case of the agency not yet handed over, in one CSV file; each marked handed over and logged as a disclosure.");
        write.MapPost("/collection-statuses", async (HttpRequest request, ImportCollectionStatuses import, CancellationToken ct) =>
                (await import.RunAsync(await ReadFileAsync(request, ct), ct)).ToOk())
            .Accepts<IFormFile>("multipart/form-data", CollectionFile.ContentType)
            .WithName("ImportCollectionStatuses")
            .WithSummary("The agency's status file (case_reference;status;date;amount_paid — IN_PROGRESS, PAID, RETURNED, ENDED; yyyy-MM-dd; 123.45), " +
                         "as text/csv or a multipart 'file'. Every row is checked first: any refusal answers 400 naming rows[line].column and nothing is saved.");
        return app;
    }

    private static FileContentHttpResult File(CollectionExport export) =>
        TypedResults.File(export.Content, CollectionFile.ContentType + "; charset=utf-8", export.FileName);

    /// <summary>The uploaded file: the multipart field <c>file</c>, or the whole body.</summary>
    private static async Task<byte[]?> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile(ImportCollectionStatuses.FileField) is not { } file)
            {
                return null;
            }

            await file.CopyToAsync(buffer, ct);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, ct);
        }

        return buffer.ToArray();
    }
}
