using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Recordings;

public sealed record CallRecordingResponse(
    Guid Id, Guid? SubjectId, string? CallerNumber, string Agent, Guid? AgentUserId, DateTime StartedAt, int DurationSeconds,
    long SizeBytes, string ContentType, string Sha256, DateTime UploadedAt, DataSource Source);

public sealed record CctvRecordingResponse(
    Guid Id, Guid UnitId, string Camera, DateTime PeriodStart, DateTime PeriodEnd, long SizeBytes, string ContentType, string Sha256,
    DateTime UploadedAt);

public sealed record RecordingPage<T>(IReadOnlyList<T> Items, Guid? Next);

/// <summary>The body-size limit of an upload endpoint: the configured file limit plus room for the form fields.</summary>
internal sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}

/// <summary>
/// Call recordings from the telephony system and CCTV footage from the production units: uploads stream to the
/// store, downloads stream back with range requests; every upload, read and download is audited (names only).
/// </summary>
public static class RecordingsApi
{
    public const int MaxPageSize = 200;
    private const long FormOverheadBytes = 64 * 1024;
    private static readonly string[] CallFields = ["caller_number", "started_at", "duration_seconds", "storage_key"];
    private static readonly string[] CctvFields = ["period_start", "period_end", "storage_key"];

    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        var limit = new UploadSizeLimit(app.ServiceProvider.GetRequiredService<IOptions<RecordingOptions>>().Value.MaxUploadBytes + FormOverheadBytes);

        var upload = app.MapGroup("/api/recordings").WithTags("Recordings").RequirePermission(Permissions.RecordingUpload);
        upload.MapPost("/calls", UploadCallAsync).WithMetadata(limit).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Telephony system: multipart with file (audio/*), callerNumber, agent, startedAt (ISO 8601), durationSeconds.");
        upload.MapPost("/cctv", UploadCctvAsync).WithMetadata(limit).Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Multipart with file (video/*), unit (production unit id), camera, periodStart, periodEnd.");

        var read = app.MapGroup("/api/recordings").WithTags("Recordings").RequirePermission(Permissions.RecordingRead);
        read.MapGet("/calls", ListCallsAsync).WithSummary("Call recordings, newest first; ?subjectId= for one person's; page with ?after=.");
        read.MapGet("/calls/{id:guid}", GetCallAsync);
        read.MapGet("/calls/{id:guid}/audio", DownloadCallAsync).WithSummary("The audio; supports Range. State X-Purpose (audited).");
        read.MapGet("/cctv", ListCctvAsync).WithSummary("CCTV recordings of a unit (?unit=), optionally overlapping ?from= ?to=.");
        read.MapGet("/cctv/{id:guid}", GetCctvAsync);
        read.MapGet("/cctv/{id:guid}/video", DownloadCctvAsync).WithSummary("The footage; supports Range. State X-Purpose (audited).");
        return app;
    }

    private static async Task<Results<Created<CallRecordingResponse>, ValidationProblem, ProblemHttpResult>> UploadCallAsync(
        HttpRequest request, RegisterDbContext db, IRecordingStore store, IOptions<RecordingOptions> options, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MultipartUpload upload;
        try
        {
            upload = await MultipartUpload.ReadAsync(request, store, "audio", options.Value.MaxUploadBytes, errors, ct);
        }
        catch (RecordingTooLargeException e)
        {
            return TooLarge(e.Limit);
        }

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var fields = upload.Fields;
            var caller = errors.Optional<PhoneNumber>("callerNumber", fields.GetValueOrDefault("callerNumber"), PhoneNumber.TryParse);
            var agent = errors.Text("agent", fields.GetValueOrDefault("agent"), 200, required: true);
            var startedAt = Time(errors, "startedAt", fields.GetValueOrDefault("startedAt"));
            if (startedAt > now)
            {
                errors.Add("startedAt", "Must not be in the future.");
            }

            int? duration = null;
            if (!int.TryParse(fields.GetValueOrDefault("durationSeconds"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            {
                errors.Add("durationSeconds", "Required: whole seconds.");
            }
            else if (seconds is < 0 or > RecordingRules.MaxCallSeconds)
            {
                errors.Add("durationSeconds", $"Between 0 and {RecordingRules.MaxCallSeconds}.");
            }
            else
            {
                duration = seconds;
            }

            if (errors.Any)
            {
                await upload.DiscardAsync(store);
                return errors.Problem();
            }

            var recording = new CallRecording
            {
                Id = Guid.CreateVersion7(),
                SubjectId = caller is null ? null : await SubjectOfAsync(db, caller, ct),
                CallerNumber = caller?.Value,
                Agent = agent!,
                AgentUserId = Guid.TryParse(agent, out var user) && await db.Users.AnyAsync(u => u.Id == user, ct) ? user : null,
                StartedAt = startedAt!.Value,
                DurationSeconds = duration!.Value,
                StorageKey = upload.File!.Key,
                SizeBytes = upload.File.SizeBytes,
                ContentType = upload.FileContentType!,
                Sha256 = upload.File.Sha256,
                UploadedAt = now,
                Source = DataSource.OwnSystems,
            };
            db.Add(recording);
            audit.Add(new AuditEntry("recording.call.upload", Purposes.CustomerRelationship, recording.SubjectId, "call_recording",
                recording.Id.ToString(), Access.SetFields(db.Entry(recording))));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/recordings/calls/{recording.Id}", recording.ToResponse());
        }
        catch
        {
            await upload.DiscardAsync(store);
            throw;
        }
    }

    private static async Task<Results<Created<CctvRecordingResponse>, ValidationProblem, ProblemHttpResult>> UploadCctvAsync(
        HttpRequest request, RegisterDbContext db, IRecordingStore store, IOptions<RecordingOptions> options, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MultipartUpload upload;
        try
        {
            upload = await MultipartUpload.ReadAsync(request, store, "video", options.Value.MaxUploadBytes, errors, ct);
        }
        catch (RecordingTooLargeException e)
        {
            return TooLarge(e.Limit);
        }

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var fields = upload.Fields;
            Guid? unit = null;
            if (!Guid.TryParse(fields.GetValueOrDefault("unit"), out var unitId))
            {
                errors.Add("unit", "Required: the production unit's id.");
            }
            else if (!await db.Set<ProductionUnit>().AnyAsync(u => u.Id == unitId, ct))
            {
                errors.Add("unit", "No such production unit.");
            }
            else
            {
                unit = unitId;
            }

            var camera = errors.Text("camera", fields.GetValueOrDefault("camera"), 100, required: true);
            var start = Time(errors, "periodStart", fields.GetValueOrDefault("periodStart"));
            var end = Time(errors, "periodEnd", fields.GetValueOrDefault("periodEnd"));
            if (start is not null && end is not null && RecordingRules.CctvPeriodError(start.Value, end.Value, now) is { } why)
            {
                errors.Add("periodEnd", why);
            }

            if (errors.Any)
            {
                await upload.DiscardAsync(store);
                return errors.Problem();
            }

            var recording = new CctvRecording
            {
                Id = Guid.CreateVersion7(),
                UnitId = unit!.Value,
                Camera = camera!,
                PeriodStart = start!.Value,
                PeriodEnd = end!.Value,
                StorageKey = upload.File!.Key,
                SizeBytes = upload.File.SizeBytes,
                ContentType = upload.FileContentType!,
                Sha256 = upload.File.Sha256,
                UploadedAt = now,
            };
            db.Add(recording);
            audit.Add(new AuditEntry("recording.cctv.upload", Purposes.LegalObligation, null, "cctv_recording", recording.Id.ToString(),
                CctvFields));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/recordings/cctv/{recording.Id}", recording.ToResponse());
        }
        catch
        {
            await upload.DiscardAsync(store);
            throw;
        }
    }

    private static async Task<Results<Ok<RecordingPage<CallRecordingResponse>>, ValidationProblem>> ListCallsAsync(
        Guid? subjectId, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, Access access, ProcessingLimits limits,
        CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.CustomerRelationship);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {MaxPageSize}.").Problem();
        }

        // A restricted person's calls (Art 18) stay out of the list for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<CallRecording>().AsNoTracking(), r => r.SubjectId);
        if (subjectId is { } s)
        {
            query = query.Where(r => r.SubjectId == s);
        }

        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) < 0);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("recording.call.list", purpose, subjectId, "call_recording", Fields: CallFields), ct);
        return TypedResults.Ok(new RecordingPage<CallRecordingResponse>([.. page.Select(r => r.ToResponse())], rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<CallRecordingResponse>, NotFound, ValidationProblem>> GetCallAsync(
        Guid id, RegisterDbContext db, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.CustomerRelationship);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var recording = await db.Set<CallRecording>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recording is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("recording.call.read", purpose, recording.SubjectId, "call_recording", id.ToString(), CallFields), ct);
        return TypedResults.Ok(recording.ToResponse());
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> DownloadCallAsync(
        Guid id, RegisterDbContext db, IRecordingStore store, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.CustomerRelationship);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var recording = await db.Set<CallRecording>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recording is null)
        {
            return TypedResults.NotFound();
        }

        var stream = await OpenAsync(store, recording.StorageKey, ct);
        if (stream is null)
        {
            return MissingFile();
        }

        await audit.WriteAsync(new AuditEntry("recording.call.download", purpose, recording.SubjectId, "call_recording", id.ToString(),
            [Categories.CallRecording.Id]), ct);
        return TypedResults.File(stream, recording.ContentType, enableRangeProcessing: true);
    }

    private static async Task<Results<Ok<RecordingPage<CctvRecordingResponse>>, ValidationProblem>> ListCctvAsync(
        Guid? unit, string? from, string? to, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.LegalObligation);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var errors = new FieldErrors();
        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"Between 1 and {MaxPageSize}.");
        }

        if (unit is null)
        {
            errors.Add("unit", "Required: the production unit's id.");
        }

        var fromTime = from is null ? null : Time(errors, "from", from);
        var toTime = to is null ? null : Time(errors, "to", to);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var query = db.Set<CctvRecording>().AsNoTracking().Where(r => r.UnitId == unit);
        if (fromTime is { } f)
        {
            query = query.Where(r => r.PeriodEnd > f);
        }

        if (toTime is { } t)
        {
            query = query.Where(r => r.PeriodStart < t);
        }

        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) < 0);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("recording.cctv.list", purpose, null, "cctv_recording", Fields: CctvFields), ct);
        return TypedResults.Ok(new RecordingPage<CctvRecordingResponse>([.. page.Select(r => r.ToResponse())], rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<CctvRecordingResponse>, NotFound, ValidationProblem>> GetCctvAsync(
        Guid id, RegisterDbContext db, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.LegalObligation);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var recording = await db.Set<CctvRecording>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recording is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("recording.cctv.read", purpose, null, "cctv_recording", id.ToString(), CctvFields), ct);
        return TypedResults.Ok(recording.ToResponse());
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult, ValidationProblem>> DownloadCctvAsync(
        Guid id, RegisterDbContext db, IRecordingStore store, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.LegalObligation);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
        }

        var recording = await db.Set<CctvRecording>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (recording is null)
        {
            return TypedResults.NotFound();
        }

        var stream = await OpenAsync(store, recording.StorageKey, ct);
        if (stream is null)
        {
            return MissingFile();
        }

        await audit.WriteAsync(new AuditEntry("recording.cctv.download", purpose, null, "cctv_recording", id.ToString(),
            [Categories.CctvRecording.Id]), ct);
        return TypedResults.File(stream, recording.ContentType, enableRangeProcessing: true);
    }

    /// <summary>
    /// The person whose number called: looked up in the search index (indexed, E.164 digits) among consumers and
    /// contact persons; linked only when exactly one person has it.
    /// </summary>
    internal static async Task<Guid?> SubjectOfAsync(RegisterDbContext db, PhoneNumber number, CancellationToken ct)
    {
        var term = SearchIndex.PhoneTerm(number.Value);
        var subjects = await db.Set<SearchEntry>().AsNoTracking()
            .Where(e => e.Field == SearchIndex.PhoneField && e.Term == term && e.SubjectId != null
                        && (e.TargetKind == SearchTarget.Consumer || e.TargetKind == SearchTarget.ContactPerson))
            .Select(e => e.SubjectId!.Value).Distinct().Take(2).ToListAsync(ct);
        return RecordingRules.MatchSubject(subjects);
    }

    private static async Task<Stream?> OpenAsync(IRecordingStore store, string key, CancellationToken ct)
    {
        try
        {
            return await store.OpenReadAsync(key, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static DateTime? Time(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Required: an ISO 8601 time.");
            return null;
        }

        var time = RecordingRules.ParseTime(text);
        if (time is null)
        {
            errors.Add(field, "Not an ISO 8601 time.");
        }

        return time;
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"The file is larger than {limit} bytes (Recordings:MaxUploadBytes)."));

    private static ProblemHttpResult MissingFile() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Recording file missing",
        detail: "The recording's file is not in the store; run 'recordings check' to report and repair.");

    internal static CallRecordingResponse ToResponse(this CallRecording r) => new(
        r.Id, r.SubjectId, r.CallerNumber, r.Agent, r.AgentUserId, r.StartedAt, r.DurationSeconds, r.SizeBytes, r.ContentType, r.Sha256,
        r.UploadedAt, r.Source);

    internal static CctvRecordingResponse ToResponse(this CctvRecording r) => new(
        r.Id, r.UnitId, r.Camera, r.PeriodStart, r.PeriodEnd, r.SizeBytes, r.ContentType, r.Sha256, r.UploadedAt);
}
