using System.Globalization;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Recordings;

/// <summary>The body-size limit of an upload endpoint: the configured file limit plus room for the form fields.</summary>
internal sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}

/// <summary>
/// Call recordings from the telephony system, CCTV footage from the production units, and the units: binding and
/// answers only. Both kinds of recording go through one <see cref="RecordingHandler{T}"/>.
/// </summary>
public static class RecordingsEndpoints
{
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        var limit = new UploadSizeLimit(app.ServiceProvider.GetRequiredService<IOptions<RecordingOptions>>().Value.MaxUploadBytes + FormOverheadBytes);

        var upload = app.MapGroup("/api/recordings").WithTags("Recordings").RequirePermission(Permissions.RecordingUpload);
        var read = app.MapGroup("/api/recordings").WithTags("Recordings").RequirePermission(Permissions.RecordingRead);
        MapKind<CallRecording, CallRecordingResponse>(upload, limit, read, "calls", "audio", "CallRecording", r => r.ToResponse(),
            "Telephony system: multipart with file (audio/*), callerNumber, agent, startedAt (ISO 8601), durationSeconds.",
            "The audio; supports Range. State X-Purpose (audited).");
        read.MapGet("/calls", ListCallsAsync).WithName("ListCallRecordings")
            .WithSummary("Call recordings, newest first; ?subjectId= for one person's; page with ?after=.");
        MapKind<CctvRecording, CctvRecordingResponse>(upload, limit, read, "cctv", "video", "CctvRecording", r => r.ToResponse(),
            "Multipart with file (video/*), unit (production unit id), camera, periodStart, periodEnd.",
            "The footage; supports Range. State X-Purpose (audited).");
        read.MapGet("/cctv", ListCctvAsync).WithName("ListCctvRecordings")
            .WithSummary("CCTV recordings of a unit (?unit=), optionally overlapping ?from= ?to=.");
        return app;
    }

    public static IEndpointRouteBuilder MapProductionUnits(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/production-units").WithTags("Recordings").RequirePermission(Permissions.RecordingRead);
        read.MapGet("/", async (ProductionUnits units, CancellationToken ct) =>
                TypedResults.Ok((await units.ListAsync(ct)).Select(u => u.ToResponse()).ToList()))
            .WithName("ListProductionUnits").WithSummary("The production units by name, with their CCTV periods.");
        read.MapGet("/{id:guid}", async (Guid id, ProductionUnits units, CancellationToken ct) =>
                (await units.GetAsync(id, ct)).ToOk(u => u.ToResponse()))
            .WithName("GetProductionUnit").WithSummary("One production unit.");

        var manage = app.MapGroup("/api/production-units").WithTags("Recordings").RequirePermission(Permissions.RetentionRun);
        manage.MapPost("/", async (ProductionUnitRequest request, ProductionUnits units, CancellationToken ct) =>
                (await units.CreateAsync(request, ct)).ToCreated(u => $"/api/production-units/{u.Id}", u => u.ToResponse()))
            .WithName("CreateProductionUnit").WithSummary($"cctvRetentionMonths 1 to {RecordingRules.MaxCctvMonths} (notice § 6).");
        app.MapPut("/api/production-units/{id:guid}", async (Guid id, ProductionUnitRequest request, ProductionUnits units, CancellationToken ct) =>
                (await units.UpdateAsync(id, request, ct)).ToOk(u => u.ToResponse()))
            .WithTags("Recordings").RequirePermission(Permissions.RecordingConfigure).WithName("UpdateProductionUnit")
            .WithSummary("Replace the unit's name, address and CCTV period (the DPO only); send the version you read.");
        return app;
    }

    /// <summary>Upload, details and file of one kind of recording, e.g. <c>POST /calls</c>, <c>GET /calls/{id}</c>, <c>GET /calls/{id}/audio</c>.</summary>
    private static void MapKind<T, TResponse>(
        RouteGroupBuilder upload, UploadSizeLimit limit, RouteGroupBuilder read, string route, string file, string noun, Func<T, TResponse> map,
        string uploadSummary, string fileSummary)
        where T : class, IRecording
    {
        upload.MapPost($"/{route}", (HttpRequest request, RecordingHandler<T> handler, CancellationToken ct) => UploadAsync(request, handler, map, ct))
            .WithMetadata(limit).Accepts<IFormFile>("multipart/form-data").WithName($"Upload{noun}").WithSummary(uploadSummary);
        read.MapGet($"/{route}/{{id:guid}}", (Guid id, Access access, RecordingHandler<T> handler, CancellationToken ct) => GetAsync(id, access, handler, map, ct))
            .WithName($"Get{noun}").WithSummary("One recording's details. State X-Purpose (audited).");
        read.MapGet($"/{route}/{{id:guid}}/{file}", (Guid id, Access access, RecordingHandler<T> handler, CancellationToken ct) => StreamAsync(id, access, handler, ct))
            .WithName($"Download{noun}").WithSummary(fileSummary);
    }

    private static async Task<Results<Results<Created<TResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>, ProblemHttpResult>>
        UploadAsync<T, TResponse>(HttpRequest request, RecordingHandler<T> handler, Func<T, TResponse> map, CancellationToken ct)
        where T : class, IRecording
    {
        try
        {
            return (await handler.UploadAsync(request.ContentType, request.Body, ct))
                .ToCreated(r => $"/api/recordings/{handler.Kind.Route}/{r.Id}", map);
        }
        catch (RecordingTooLargeException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: string.Create(CultureInfo.InvariantCulture, $"The file is larger than {e.Limit} bytes (Recordings:MaxUploadBytes)."));
        }
    }

    private static async Task<Results<Ok<Page<CallRecordingResponse>>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>>
        ListCallsAsync(Guid? subjectId, Guid? after, int? limit, Access access, RecordingHandler<CallRecording> calls, RecordingQueries queries,
            CancellationToken ct)
    {
        if (access.Purpose(calls.Kind.Purpose) is not { } purpose)
        {
            return Access.UnknownPurpose();
        }

        return (await queries.ListCallsAsync(subjectId, after, limit, purpose, ct)).ToOk(page => page.ToResponse(r => r.ToResponse()));
    }

    private static async Task<Results<Ok<Page<CctvRecordingResponse>>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>>
        ListCctvAsync(Guid? unit, string? from, string? to, Guid? after, int? limit, Access access, RecordingHandler<CctvRecording> cctv,
            RecordingQueries queries, CancellationToken ct)
    {
        if (access.Purpose(cctv.Kind.Purpose) is not { } purpose)
        {
            return Access.UnknownPurpose();
        }

        return (await queries.ListCctvAsync(unit, from, to, after, limit, purpose, ct)).ToOk(page => page.ToResponse(r => r.ToResponse()));
    }

    private static async Task<Results<Ok<TResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>> GetAsync<T, TResponse>(
        Guid id, Access access, RecordingHandler<T> handler, Func<T, TResponse> map, CancellationToken ct)
        where T : class, IRecording
    {
        if (access.Purpose(handler.Kind.Purpose) is not { } purpose)
        {
            return Access.UnknownPurpose();
        }

        return (await handler.GetAsync(id, purpose, ct)).ToOk(map);
    }

    private static async Task<Results<Results<FileStreamHttpResult, ProblemHttpResult>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>>
        StreamAsync<T>(Guid id, Access access, RecordingHandler<T> handler, CancellationToken ct)
        where T : class, IRecording
    {
        if (access.Purpose(handler.Kind.Purpose) is not { } purpose)
        {
            return Access.UnknownPurpose();
        }

        return (await handler.OpenAsync(id, purpose, ct)).To(file => file.Content is { } content
            ? (Results<FileStreamHttpResult, ProblemHttpResult>)TypedResults.File(content, file.ContentType, enableRangeProcessing: true)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Recording file missing",
                detail: "The recording's file is not in the store; run 'recordings check' to report and repair."));
    }
}
