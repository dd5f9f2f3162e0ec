using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Breaches;

public sealed record BreachResponse(
    Guid Id, DateTime DiscoveredAt, DateTime? OccurredAt, string Description, IReadOnlyList<string> Categories, int ApproxPeople,
    int ApproxRecords, string Consequences, string Measures, DateTime RecordedAt, DateTime AuthorityDue, int HoursLeft,
    BreachClockState ClockState, AuthorityDecision Authority, DateTime? AuthorityNotifiedAt, string? AuthorityReference,
    string? AuthorityReason, PeopleDecision People, string? PeopleReason, DateTime? PeopleDecidedAt, IReadOnlyList<Guid>? AffectedSubjects,
    long Version);

public sealed record BreachLetterResponse(string Language, string Subject, string Body);

/// <summary>The breach register's API (<c>/api/breaches</c>): the same use cases as the pages, for the DPO.</summary>
public static class BreachesEndpoints
{
    public static IEndpointRouteBuilder MapBreaches(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/breaches").WithTags("Breaches").RequirePermission(Permissions.RequestHandle);
        g.MapGet("", async (BreachQueries q, CancellationToken ct) =>
                TypedResults.Ok((await q.ListAsync(ct)).Select(l => ToResponse(l.Breach, l.Clock, null)).ToList()))
            .WithName("ListBreaches").WithSummary("The breaches, newest first, each with its 72-hour clock.");
        g.MapPost("", async (BreachInput input, BreachRegister r, TimeProvider clock, CancellationToken ct) =>
                (await r.RecordAsync(input, ct)).ToCreated(b => $"/api/breaches/{b.Id}", b => ToResponse(b, BreachClock.Read(b, Now(clock)), [])))
            .WithName("RecordBreach")
            .WithSummary("Record a breach: when discovered, what happened, the categories, approximate people and records, consequences, measures.");
        g.MapGet("/{id:guid}", async (Guid id, BreachQueries q, CancellationToken ct) =>
                (await q.GetAsync(id, ct)).ToOk(v => ToResponse(v.Breach, v.Clock, [.. v.Subjects.Select(s => s.SubjectId)])))
            .WithName("GetBreach").WithSummary("One breach with its clock, decisions and the people found affected.");
        g.MapPut("/{id:guid}", async (Guid id, BreachInput input, BreachRegister r, TimeProvider clock, CancellationToken ct) =>
                (await r.UpdateAsync(id, input, ct)).ToOk(b => ToResponse(b, BreachClock.Read(b, Now(clock)), null)))
            .WithName("UpdateBreach")
            .WithSummary("Correct or complete the facts as more is known (Art 33(4)), at the version read; 409 when it changed meanwhile.");
        g.MapPost("/{id:guid}/authority-notification", async (Guid id, AuthorityInput input, BreachRegister r, TimeProvider clock, CancellationToken ct) =>
                (await r.RecordAuthorityAsync(id, input, ct)).ToOk(b => ToResponse(b, BreachClock.Read(b, Now(clock)), null)))
            .WithName("RecordBreachAuthorityNotification")
            .WithSummary("Record the notification to the authority (when, its reference; the reasons for a delay past 72 hours) or why none is needed.");
        g.MapPost("/{id:guid}/people-decision", async (Guid id, PeopleInput input, BreachRegister r, TimeProvider clock, CancellationToken ct) =>
                (await r.DecidePeopleAsync(id, input, ct)).ToOk(b => ToResponse(b, BreachClock.Read(b, Now(clock)), null)))
            .WithName("DecideBreachPeopleNotification").WithSummary("Decide whether the people affected are told (Art 34), with the reason when not.");
        g.MapPost("/{id:guid}/affected/from-audit", async (Guid id, AffectedSearch search, BreachRegister r, CancellationToken ct) =>
                (await r.FindAffectedAsync(id, search, ct)).ToOk())
            .WithName("FindBreachAffectedFromAudit")
            .WithSummary("Add everyone whose data one staff member or key read in a period, from the audit trail.");
        g.MapPost("/{id:guid}/letters", async (Guid id, BreachNotices n, CancellationToken ct) => (await n.SendAsync(id, ct)).ToOk())
            .WithName("SendBreachLetters")
            .WithSummary("Send the letter to everyone the breach names who has not had it: by email where the register has one, else listed to post (409 until the decision is to tell them).");
        g.MapGet("/{id:guid}/letters", async (Guid id, BreachNotices n, CancellationToken ct) => (await n.CountAsync(id, ct)).ToOk())
            .WithName("CountBreachLetters").WithSummary("How many of the breach's letters are not sent, sending, delivered, failed, to post and posted.");
        g.MapPost("/{id:guid}/letters/posted", async (Guid id, BreachNotices n, CancellationToken ct) => (await n.MarkPostedAsync(id, ct)).ToOk())
            .WithName("MarkBreachLettersPosted").WithSummary("The letters to post, and those whose email failed, marked posted now; answers how many.");
        g.MapGet("/{id:guid}/letter", (Guid id, string? language, BreachQueries q, CancellationToken ct) =>
                q.LetterAsync(id, language, ct).ToOkAsync())
            .WithName("GetBreachLetter").WithSummary("The letter to the people affected, in fi, sv or en.");
        return app;
    }

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static BreachResponse ToResponse(Breach b, BreachClockReading clock, IReadOnlyList<Guid>? subjects) =>
        new(b.Id, b.DiscoveredAt, b.OccurredAt, b.Description, b.Categories, b.ApproxPeople, b.ApproxRecords, b.Consequences, b.Measures,
            b.RecordedAt, clock.Due, clock.HoursLeft, clock.State, b.Authority, b.AuthorityNotifiedAt, b.AuthorityReference, b.AuthorityReason,
            b.People, b.PeopleReason, b.PeopleDecidedAt, subjects, b.Version);
}
