using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

public sealed record MatchRequest(Guid? SubjectId, long? Version);

public sealed record VerifyIdentityRequest(IdentityMethod? Method, string? Note, long? Version);

public sealed record ExtendRequest(int? Months, string? Reason, string? ToldVia, long? Version);

public sealed record NoteRequest(string? Note, long? Version);

public sealed record RefuseRequest(string? Reason, long? Version);

public sealed record AssignRequest(Guid? UserId, long? Version);

public sealed record VersionRequest(long? Version);

public sealed record RequestSummary(
    Guid Id, RequestType Type, RequestChannel Channel, RequestState State, DateTime ReceivedAt, DateOnly DueDate, bool Overdue,
    int DaysLeft, bool Extended, Guid? SubjectId, Guid? AssignedTo, Guid? DuplicateOf);

public sealed record IdentityVerification(IdentityMethod Method, string? Note, DateTime At, Guid? By);

public sealed record Extension(DateTime At, Guid? By, string? Reason, string? Letter, string? ToldVia);

public sealed record RequestActionResponse(DateTime At, string ActorKind, Guid? ActorId, string Action, string? Note);

public sealed record RequestResponse(
    Guid Id, RequestType Type, RequestChannel Channel, DataSource Source, RequestState State, DateTime ReceivedAt, string Language,
    string? RequesterName, string? RequesterEmail, string? RequesterPhone, string? RequesterAddress, string? Text,
    Guid? SubjectId, DateTime? MatchedAt, Guid? AssignedTo, Guid? DuplicateOf, DateTime? EmailConfirmedAt,
    IdentityVerification? Identity, DateOnly OriginalDueDate, DateOnly DueDate, bool Overdue, int DaysLeft, Extension? Extension,
    DateTime? ClosedAt, string? Resolution, string? ResponseLetter, long Version,
    IReadOnlyList<RequestActionResponse>? Actions = null, IReadOnlyList<Guid>? Candidates = null,
    IReadOnlyList<RectificationResponse>? Rectifications = null, IReadOnlyList<NotifyRecipient>? Notify = null);

/// <summary>Staff handling of data-subject requests under /api/requests.</summary>
public static class RequestsApi
{
    private static readonly string[] ReadFields = ["requester_name", "requester_email", "requester_phone", "requester_address", "text"];

    /// <summary>What a reader without <c>Request.Handle</c> gets of a closed request: no requester details.</summary>
    private static readonly string[] ClosedReadFields = ["received_at", "state"];

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestRead);
        read.MapGet("/", ListAsync).WithSummary(
            "Open requests by due date; overdue ones flagged. Ids, types, states and dates only. Page with ?after=<nextAfter>&limit=N (1-200, 50).");
        read.MapGet("/{id:guid}", GetAsync).WithSummary("One request with its action log and suggested (never applied) matches.");

        var handle = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapPost("/", CreateAsync).WithSummary("Staff intake: a message in the mailbox, a call, a letter, a visit.");
        handle.MapPost("/{id:guid}/match", (Guid id, MatchRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.MatchAsync(id, r.SubjectId, r.Version, ct))).WithSummary("Staff confirm the person; a duplicate is linked to the earlier request.");
        handle.MapPost("/{id:guid}/verify-identity", (Guid id, VerifyIdentityRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.VerifyIdentityAsync(id, r.Method, r.Note, r.Version, ct))).WithSummary("Record how the requester's identity was verified.");
        handle.MapPost("/{id:guid}/start", (Guid id, VersionRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.StartAsync(id, r.Version, ct))).WithSummary("Begin handling (access, erasure, portability need identity verification).");
        handle.MapPost("/{id:guid}/rectify", RectifyAsync)
            .WithSummary("Rectification (Art 16): change the person's fields in one transaction; before/after kept in the request only; "
                         + "lists the recipients to notify (Art 19).");
        handle.MapPost("/{id:guid}/extend", (Guid id, ExtendRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.ExtendAsync(id, r.Months, r.Reason, r.ToldVia, r.Version, ct)))
            .WithSummary("Extend the deadline once by up to two months, with a reason; the letter to the requester is returned.");
        handle.MapPost("/{id:guid}/complete", (Guid id, NoteRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.CompleteAsync(id, r.Note, r.Version, ct))).WithSummary("Close as answered.");
        handle.MapPost("/{id:guid}/refuse", (Guid id, RefuseRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.RefuseAsync(id, r.Reason, r.Version, ct))).WithSummary("Refuse with a reason; the answer states the right to complain.");
        handle.MapPost("/{id:guid}/withdraw", (Guid id, NoteRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.WithdrawAsync(id, r.Note, r.Version, ct))).WithSummary("The requester withdrew the request.");
        handle.MapPut("/{id:guid}/assignee", (Guid id, AssignRequest r, RequestHandling h, CancellationToken ct) =>
            Answer(h, h.AssignAsync(id, r.UserId, r.Version, ct))).WithSummary("Assign the handler who gets deadline warnings.");
        return app.MapMail();
    }

    private static async Task<Results<Created<RequestResponse>, ValidationProblem>> CreateAsync(
        IntakeInput input, RequestHandling handling, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await handling.IntakeAsync(input, ct);
        return outcome.Request is { } r
            ? TypedResults.Created($"/api/requests/{r.Id}", r.ToResponse(HelsinkiTime.Today(clock)))
            : outcome.Errors!.Problem();
    }

    internal static async Task<Results<Ok<RequestResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> Answer(
        RequestHandling handling, Task<RequestOutcome> step)
    {
        var outcome = await step;
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            return errors.Problem();
        }

        if (outcome.ConflictField is { } field)
        {
            return FieldConflict.Problem(field, outcome.ConflictMessage!);
        }

        return TypedResults.Ok(outcome.Request!.ToResponse(handling.Today));
    }

    private static async Task<Results<Ok<Page<RequestSummary>>, ValidationProblem>> ListAsync(
        Guid? after, int? limit, RequestReading reading, CancellationToken ct)
    {
        var outcome = await reading.OpenAsync(after, limit, ct);
        return outcome.Errors is { } errors ? errors.Problem() : TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<Ok<RequestResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> RectifyAsync(
        Guid id, RectifyRequest body, Rectifications rectifications, RegisterDbContext db, RequestHandling handling, CancellationToken ct)
    {
        var outcome = await rectifications.RectifyAsync(id, body, ct);
        return outcome.Request is { } request
            ? TypedResults.Ok(await DetailAsync(request, db, handling, rectifications, ct))
            : await Answer(handling, Task.FromResult(outcome));
    }

    private static async Task<Results<Ok<RequestResponse>, NotFound>> GetAsync(
        Guid id, RegisterDbContext db, RequestHandling handling, Rectifications rectifications, AuditLog audit, Access access,
        CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        var detail = await DetailAsync(request, db, handling, rectifications, ct);
        if (!RequestRules.IsOpen(request.State) && !await access.HasAsync(Permissions.RequestHandle))
        {
            // A closed request is evidence, not work: who asked and what they wrote is for its handlers (the DPO) only.
            await audit.WriteAsync(RequestHandling.Entry("request.read", request, ClosedReadFields), ct);
            return TypedResults.Ok(WithoutRequester(detail));
        }

        await audit.WriteAsync(RequestHandling.Entry("request.read", request,
            detail.Rectifications is { Count: > 0 } ? [.. ReadFields, "before", "after"] : ReadFields), ct);
        return TypedResults.Ok(detail);
    }

    /// <summary>
    /// The request without the requester's personal details: name, email, phone, address, their text, the letters to
    /// them, the identity-check note, the changed values of a rectification and the action notes are left out (null),
    /// not masked; type, channel, state, dates, the person's subject key and the resolution stay.
    /// </summary>
    internal static RequestResponse WithoutRequester(RequestResponse r) => r with
    {
        RequesterName = null,
        RequesterEmail = null,
        RequesterPhone = null,
        RequesterAddress = null,
        Text = null,
        ResponseLetter = null,
        Resolution = null,
        Identity = r.Identity is { } i ? i with { Note = null } : null,
        Extension = r.Extension is { } e ? e with { Reason = null, Letter = null, ToldVia = null } : null,
        Actions = r.Actions?.Select(a => a with { Note = null }).ToList(),
        Candidates = null,
        Rectifications = null,
        Notify = null,
    };

    /// <summary>The request with its action log, suggested matches, and for a rectification its changes and recipients.</summary>
    private static async Task<RequestResponse> DetailAsync(
        DataSubjectRequest request, RegisterDbContext db, RequestHandling handling, Rectifications rectifications, CancellationToken ct)
    {
        var actions = await db.Set<RequestAction>().AsNoTracking().Where(a => a.RequestId == request.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var candidates = request.SubjectId is null ? await handling.CandidatesAsync(request, ct) : [];
        var changes = request.Type == RequestType.Rectification ? await rectifications.ListAsync(request.Id, ct) : null;
        var notify = changes is { Count: > 0 } && request.SubjectId is { } subjectId ? await rectifications.RecipientsAsync(subjectId, request.Language, ct) : null;
        return request.ToResponse(handling.Today) with
        {
            Actions = [.. actions.Select(a => new RequestActionResponse(a.At, a.ActorKind, a.ActorId, a.Action, a.Note))],
            Candidates = candidates,
            Rectifications = changes,
            Notify = notify,
        };
    }

    public static RequestSummary ToSummary(this DataSubjectRequest r, DateOnly today) => new(
        r.Id, r.Type, r.Channel, r.State, r.ReceivedAt, r.DueDate, RequestRules.IsOpen(r.State) && today > r.DueDate,
        r.DueDate.DayNumber - today.DayNumber, r.ExtendedAt is not null, r.SubjectId, r.AssignedTo, r.DuplicateOfId);

    public static RequestResponse ToResponse(this DataSubjectRequest r, DateOnly today) => new(
        r.Id, r.Type, r.Channel, r.Source, r.State, r.ReceivedAt, r.Language, r.RequesterName, r.RequesterEmail, r.RequesterPhone,
        r.RequesterAddress, r.Text, r.SubjectId, r.MatchedAt, r.AssignedTo, r.DuplicateOfId, r.EmailConfirmedAt,
        r.IdentityMethod is { } m ? new IdentityVerification(m, r.IdentityNote, r.IdentityVerifiedAt!.Value, r.IdentityVerifiedBy) : null,
        r.OriginalDueDate, r.DueDate, RequestRules.IsOpen(r.State) && today > r.DueDate, r.DueDate.DayNumber - today.DayNumber,
        r.ExtendedAt is { } at ? new Extension(at, r.ExtendedBy, r.ExtensionReason!, r.ExtensionLetter!, r.ExtensionToldVia) : null,
        r.ClosedAt, r.Resolution, r.ResponseLetter, r.Version);
}
