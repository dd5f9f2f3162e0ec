using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using CustomerRegister.Recordings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>The industry opt-out lists' API: the lists in force and the loads, and loading a new list.</summary>
public static class IndustryOptOutEndpoints
{
    /// <summary>A load as the API shows it: provenance, counts and, for a refused file, why (English).</summary>
    public sealed record ListResponse(Guid Id, string Kind, string State, DateTime LoadedAt, Guid? LoadedById, string FileName,
        string Supplier, int Rows, int Entries, int RefusedRows, string? RefusedBecause, int? RefusedAtRow, IReadOnlyList<string> Refusals,
        DateTime? FinishedAt, DateTime? ReplacedAt)
    {
        public static ListResponse From(IndustryOptOutList l) => new(l.Id, l.Kind.ToString(), l.State.ToString(), l.LoadedAt, l.LoadedById,
            l.FileName, l.Supplier, l.Rows, l.Entries, l.RefusedRows,
            l.State == IndustryOptOutListState.Refused ? IndustryOptOutTexts.Refusal(l).En : null, l.RefusedAtRow,
            [.. IndustryOptOutTexts.RefusedRows(l).Select(t => t.En)], l.FinishedAt, l.ReplacedAt);
    }

    public sealed record ListsResponse(IReadOnlyList<ListResponse> Current, IReadOnlyList<ListResponse> History);

    public sealed record StartedResponse(ListResponse List, JobResponse Job);

    public static IEndpointRouteBuilder MapIndustryOptOut(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/marketing/industry-opt-out", async (IndustryOptOutLoader loader, CancellationToken ct) =>
                TypedResults.Ok(new ListsResponse([.. (await loader.CurrentAsync(ct)).Select(ListResponse.From)],
                    [.. (await loader.HistoryAsync(50, ct)).Select(ListResponse.From)])))
            .WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithName("ListIndustryOptOutLists")
            .WithSummary("The industry opt-out lists in force (phone, address) and the last 50 loads with their provenance and counts; never a number or an address.");
        app.MapGet("/api/marketing/industry-opt-out/{id:guid}", async Task<Results<Ok<ListResponse>, NotFound>> (Guid id,
                    IndustryOptOutLoader loader, CancellationToken ct) =>
                await loader.FindAsync(id, ct) is { } list ? TypedResults.Ok(ListResponse.From(list)) : TypedResults.NotFound())
            .WithTags("Marketing").RequirePermission(Permissions.MarketingRead)
            .WithName("GetIndustryOptOutList").WithSummary("One load: its state, provenance, counts and the rows refused (row, column, reason).");
        app.MapPost("/api/marketing/industry-opt-out", LoadAsync)
            .WithTags("Marketing").RequirePermission(Permissions.MarketingWrite)
            .WithMetadata(new UploadSizeLimit(IndustryOptOutJobs.MaxFileBytes + (64 * 1024)))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("LoadIndustryOptOutList")
            .WithSummary("Load a list (multipart: kind = Phone | Address, supplier, file). CSV with a header row, ';' or ',', UTF-8 with or without BOM; " +
                         "phone list: column phone; address list: street, postal_code, city (name optional, not kept). Answers 202 with the load and " +
                         "its job (/api/jobs/{id}); the list replaces the one in force only when the whole file is good, else the file is refused whole, " +
                         "naming the row (GET the load).");
        return app;
    }

    private static async Task<Results<Accepted<StartedResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>> LoadAsync(
        HttpRequest request, IndustryOptOutJobs jobs, CancellationToken ct)
    {
        IFormCollection? form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var file = form?.Files.GetFile("file");
        var kind = Enum.TryParse<IndustryOptOutKind>(form?["kind"].ToString(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (IndustryOptOutKind?)null;
        await using var content = file?.OpenReadStream();
        var started = await jobs.StartAsync(new IndustryOptOutLoadRequest(kind, form?["supplier"].ToString(), file?.FileName, file is { Length: > 0 }),
            content, request.HttpContext.User, ct);
        return started.To(s => TypedResults.Accepted($"/api/jobs/{s.Job.Id}", new StartedResponse(ListResponse.From(s.List), JobResponse.From(s.Job, "en"))));
    }
}
