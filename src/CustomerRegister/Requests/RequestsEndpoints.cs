using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Requests;

public sealed record MatchRequest(Guid? SubjectId, long? Version);

public sealed record VerifyIdentityRequest(IdentityMethod? Method, string? Note, long? Version);

public sealed record ExtendRequest(int? Months, string? Reason, string? ToldVia, long? Version);

public sealed record NoteRequest(string? Note, long? Version);

public sealed record RefuseRequest(string? Reason, long? Version);

public sealed record AssignRequest(Guid? UserId, long? Version);

/// <summary>Staff handling of data-subject requests under /api/requests.</summary>
public static class RequestsEndpoints
{
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestRead);
        read.MapGet("/", async (Guid? after, int? limit, RequestQueries queries, CancellationToken ct) =>
                (await queries.OpenAsync(after, limit, ct)).ToOk())
            .WithName("ListRequests").WithSummary(
                "Open requests by due date; overdue ones flagged. Ids, types, states and dates only. Page with ?after=<nextAfter>&limit=N (1-200, 50).");
        read.MapGet("/{id:guid}", async (Guid id, RequestQueries queries, CancellationToken ct) => (await queries.GetAsync(id, ct)).ToOk())
            .WithName("GetRequest").WithSummary("One request with its action log and suggested (never applied) matches.");

        var handle = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapPost("/", async (IntakeInput input, RequestIntake intake, TimeProvider clock, CancellationToken ct) =>
                (await intake.IntakeAsync(input, ct)).ToCreated(r => $"/api/requests/{r.Id}", r => r.ToResponse(HelsinkiTime.Today(clock))))
            .WithName("CreateRequest").WithSummary("Staff intake: a message in the mailbox, a call, a letter, a visit.");
        handle.MapPost("/{id:guid}/match", async (Guid id, MatchRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.MatchAsync(id, r.SubjectId, r.Version, ct)).ToResponse(clock))
            .WithName("MatchRequest").WithSummary("Staff confirm the person; a duplicate is linked to the earlier request.");
        handle.MapPost("/{id:guid}/verify-identity", async (Guid id, VerifyIdentityRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.VerifyIdentityAsync(id, r.Method, r.Note, r.Version, ct)).ToResponse(clock))
            .WithName("VerifyRequestIdentity").WithSummary("Record how the requester's identity was verified.");
        handle.MapPost("/{id:guid}/start", async (Guid id, VersionRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.StartAsync(id, r.Version, ct)).ToResponse(clock))
            .WithName("StartRequest").WithSummary("Begin handling (access, erasure, portability need identity verification).");
        handle.MapPost("/{id:guid}/rectify", RectifyAsync)
            .WithName("RectifyRequest")
            .WithSummary("Rectification (Art 16): change the person's fields in one transaction; before/after kept in the request only; "
                         + "lists the recipients to notify (Art 19).");
        handle.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.ExtendAsync(id, r.Months, r.Reason, r.ToldVia, r.Version, ct)).ToResponse(clock))
            .WithName("ExtendRequest")
            .WithSummary("Extend the deadline once by up to two months, with a reason; the letter to the requester is returned.");
        handle.MapPost("/{id:guid}/complete", async (Guid id, NoteRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.CompleteAsync(id, r.Note, r.Version, ct)).ToResponse(clock))
            .WithName("CompleteRequest").WithSummary("Close as answered.");
        handle.MapPost("/{id:guid}/refuse", async (Guid id, RefuseRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.RefuseAsync(id, r.Reason, r.Version, ct)).ToResponse(clock))
            .WithName("RefuseRequest").WithSummary("Refuse with a reason; the answer states the right to complain.");
        handle.MapPost("/{id:guid}/withdraw", async (Guid id, NoteRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.WithdrawAsync(id, r.Note, r.Version, ct)).ToResponse(clock))
            .WithName("WithdrawRequest").WithSummary("The requester withdrew the request.");
        handle.MapPut("/{id:guid}/assignee", async (Guid id, AssignRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.AssignAsync(id, r.UserId, r.Version, ct)).ToResponse(clock))
            .WithName("AssignRequest").WithSummary("Assign the handler who gets deadline warnings.");
        return app.MapMail();
    }

    /// <summary>The rectified request is answered in full: its changes and the recipients to tell.</summary>
    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>> RectifyAsync(
        Guid id, RectifyRequest body, Rectifications rectifications, RequestQueries queries, CancellationToken ct)
    {
        var outcome = await rectifications.RectifyAsync(id, body, ct);
        var detail = outcome.IsOk ? await queries.DetailAsync(outcome.Value!, ct) : null;
        return outcome.ToOk(_ => detail!);
    }
}
