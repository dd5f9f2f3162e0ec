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
        read.MapGet("/", async (Guid? after, int? limit, RequestType? type, RequestState? state, Guid? assignee, bool? unassigned,
                    RequestDue? due, RequestQueue queue, CancellationToken ct) =>
                (await queue.ListAsync(new RequestFilter(type, state, assignee, unassigned == true, due, after, limit), withNames: false, ct))
                .ToOk(p => new Page<RequestSummary>([.. p.Items.Select(i => i.Request)], p.NextAfter)))
            .WithName("ListRequests").WithSummary(
                "Open requests by due date (overdue first); filter by type, state (a closed state lists closed ones), assignee or "
                + "unassigned=true, due=Overdue|WithinWeek|Later. Ids, types, states and dates only. Page with ?after=<nextAfter>&limit=N (1-200, 50).");
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
        handle.MapPost("/{id:guid}/access-report/send", async (Guid id, SendReportRequest r, SendAccessReport send, TimeProvider clock,
                    CancellationToken ct) => (await send.SendAsync(id, r, ct)).ToResponse(clock))
            .WithName("SendAccessReport")
            .WithSummary("Send the access report to the requester: by email as a PDF (via=Email), or record it was posted (Post) or handed over (InPerson).");
        handle.MapPut("/{id:guid}/assignee", async (Guid id, AssignRequest r, RequestWorkflow w, TimeProvider clock, CancellationToken ct) =>
                (await w.AssignAsync(id, r.UserId, r.Version, ct)).ToResponse(clock))
            .WithName("AssignRequest").WithSummary("Assign the handler who gets deadline warnings.");
        app.MapGet("/api/dpo/desk", async (DpoDashboard desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(ct)))
            .WithTags("Requests").RequirePermission(Permissions.RequestHandle).WithName("GetDpoDesk")
            .WithSummary("The DPO's desk: open requests by due date, unconfirmed web-form requests, the sweep's outlook, holds, restrictions, "
                         + "the last sweep, undelivered letters and the audit chain's state (the last two slow figures are recomputed every 15 minutes).");
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
