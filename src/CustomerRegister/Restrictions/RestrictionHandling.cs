using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Marketing;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Restrictions;

/// <summary>
/// The restriction (Art 18) and objection (Art 21) steps of a request, and lifting a restriction. Each step answers the
/// requester with a letter (<see cref="RestrictionLetters"/>), stored as the request's response and mailed when an email is known.
/// </summary>
public sealed class RestrictionHandling(
    RegisterDbContext db, RequestSteps requests, ProcessingLimits limits, AuditLog audit, TimeProvider clock,
    IHttpContextAccessor http, IMailSender mail, Microsoft.Extensions.Options.IOptions<ControllerOptions> controller,
    Disclosures.RecipientNotifications notifications)
{
    private static readonly LocalText WrongType = new(
        "Tämä vaihe koskee toisenlaista pyyntöä.",
        "Det här steget gäller en annan typ av begäran.",
        "This step is for {0} requests.");

    private static readonly LocalText NotStarted = new(
        "Vaihe tehdään pyynnölle, jonka käsittely on aloitettu.",
        "Steget görs för en begäran vars behandling har påbörjats.",
        "The step runs on a started request; the request is {0}.");

    private static readonly LocalText GroundRequired = new(
        "Pakollinen tieto: AccuracyContested, UnlawfulProcessing, NeededForLegalClaims tai ObjectionPending (18 artiklan 1 kohta).",
        "Obligatorisk uppgift: AccuracyContested, UnlawfulProcessing, NeededForLegalClaims eller ObjectionPending (artikel 18.1).",
        "Required: AccuracyContested, UnlawfulProcessing, NeededForLegalClaims or ObjectionPending (Art 18(1)).");

    private static readonly LocalText KindRequired = new(
        "Pakollinen tieto: Restriction tai ProfilingObjection.",
        "Obligatorisk uppgift: Restriction eller ProfilingObjection.",
        "Required: Restriction or ProfilingObjection.");

    public static LocalText? Refusal(DataSubjectRequest r, params RequestType[] types) =>
        !types.Contains(r.Type) ? WrongType.Format(string.Join(" or ", types))
        : r.SubjectId is null ? RequestRules.NotMatched
        : r.State != RequestState.InProgress ? NotStarted.Format(r.State)
        : null;

    public async Task<Outcome<DataSubjectRequest>> RestrictAsync(Guid id, RestrictionGround? ground, long? version, CancellationToken ct)
    {
        if (ground is null or RestrictionGround.KeptByLawAfterErasure)
        {
            return Outcome.Invalid("ground", GroundRequired);
        }

        return await StepAsync(id, version, [RequestType.Restriction], async r =>
        {
            await limits.AddAsync(r.SubjectId!.Value, LimitKind.Restriction, ground, r.Id, ct);
            await notifications.AddAsync(r.SubjectId!.Value, r.Id, Disclosures.NotificationSubject.RestrictionSet, [], r.Language, ct);
            r.ResponseLetter = RestrictionLetters.Restricted(r.Language, ground.Value, r.RequesterName, RequestLetters.From(controller.Value));
            return "restricted";
        }, ct);
    }

    public Task<Outcome<DataSubjectRequest>> ObjectAsync(Guid id, long? version, CancellationToken ct) =>
        StepAsync(id, version, [RequestType.ObjectionToMarketing, RequestType.ObjectionToProfiling], async r =>
        {
            var subjectId = r.SubjectId!.Value;
            r.ResponseLetter = RestrictionLetters.Objection(r.Language, r.Type, r.RequesterName, RequestLetters.From(controller.Value));
            if (r.Type == RequestType.ObjectionToProfiling)
            {
                await limits.AddAsync(subjectId, LimitKind.ProfilingObjection, null, r.Id, ct);
                return "profiling_stopped";
            }

            // Art 21(2)-(3): an objection to direct marketing is absolute and covers profiling for it — a prohibition on
            // every channel and purpose of the ledger, web-behaviour analysis included, and the profiling (done for
            // marketing selection only, Profiling/README.md) stopped as by an objection to it.
            await limits.AddAsync(subjectId, LimitKind.ProfilingObjection, null, r.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = AuditLog.Actor(http.HttpContext?.User);
            foreach (var (channel, purpose) in MarketingConsentRules.Pairs)
            {
                db.Add(MarketingLedger.Prohibition(subjectId, channel, purpose, r.Source, r.ReceivedAt, MarketingLedger.ObjectionEvidence(r.Id), actor, now));
            }

            audit.Add(new AuditEntry("marketing.consent.append", Purposes.DataSubjectRights, subjectId, "marketing_consent", null,
                [Categories.MarketingPermission.Id]));
            return "marketing_prohibited";
        }, ct);

    /// <summary>Lifts a restriction or a profiling objection, with the reason; Art 18(3) asks that the person is told first.</summary>
    public async Task<Outcome<ProcessingLimit>> LiftAsync(Guid subjectId, LimitKind? kind, string? reason, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (kind is null)
        {
            errors.Add("kind", KindRequired);
        }

        var why = errors.Text("reason", reason, 1000, required: true);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var inForce = await db.Set<ProcessingLimit>().AsNoTracking()
            .FirstOrDefaultAsync(l => l.SubjectId == subjectId && l.Kind == kind && l.LiftedAt == null, ct);
        if (inForce is null)
        {
            return Outcome.Missing;
        }

        // Art 18(3): the person is told before the limit goes — the letter is logged on the request that set it, and mailed
        // (saved in the outbox) before the lift is saved; with no email known it is shown on the request page to be posted.
        if (inForce.RequestId is { } requestId && await requests.LoadAsync(requestId, null, ct) is { } request)
        {
            var letter = RestrictionLetters.Lifted(request.Language, inForce.Kind, HelsinkiTime.DateOf(inForce.SetAt), requests.Today, why!,
                request.RequesterName, RequestLetters.From(controller.Value));
            requests.Record(request, LiftAnnounced, request.RequesterEmail is null ? "post" : "email");
            audit.Add(RequestSteps.Entry("request." + LiftAnnounced, request, [Categories.RightsRequest.Id]));
            if (request.RequesterEmail is { } to)
            {
                await mail.SendAsync(MailMessages.Text(to, RequestLetters.TypeName(request.Type, request.Language), letter, request.Language),
                    request.Id, LiftLetterKind, ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }

        // Art 19: the recipients are told of the lift of a restriction (not of an objection's), saved with the lift.
        if (inForce.Kind == LimitKind.Restriction)
        {
            var language = inForce.RequestId is { } rid
                ? await db.Set<DataSubjectRequest>().AsNoTracking().Where(q => q.Id == rid).Select(q => q.Language).FirstOrDefaultAsync(ct)
                : null;
            await notifications.AddAsync(subjectId, inForce.RequestId, Disclosures.NotificationSubject.RestrictionLifted, [], language ?? "fi", ct);
        }

        return await limits.LiftAsync(subjectId, kind!.Value, why!, ct) is { } lifted ? lifted : Outcome.Missing;
    }

    /// <summary>The request's action when the person was told a limit it set is lifted (note: <c>email</c> or <c>post</c>).</summary>
    public const string LiftAnnounced = "lift_announced";

    /// <summary>The outbox kind of the letter telling of a lift.</summary>
    public const string LiftLetterKind = "lift_letter";

    /// <summary>
    /// The letter that told the requester of <paramref name="limit"/>'s lift, as it was sent (its facts are the limit's and
    /// the request's), for the request page; null while the limit is in force.
    /// </summary>
    public static string? LiftLetter(ProcessingLimit limit, string language, string? name, ReportController from) =>
        limit is { LiftedAt: { } at, LiftReason: { } reason }
            ? RestrictionLetters.Lifted(language, limit.Kind, HelsinkiTime.DateOf(limit.SetAt), HelsinkiTime.DateOf(at), reason, name, from)
            : null;

    /// <summary>The person's restrictions and objections, in force and lifted; audited on the person.</summary>
    public async Task<List<ProcessingLimit>> ListAsync(Guid subjectId, CancellationToken ct)
    {
        var rows = await limits.OfAsync(subjectId, ct);
        await audit.WriteAsync(new AuditEntry("processing_limit.read", Purposes.DataSubjectRights, subjectId, ProcessingLimits.EntityType,
            Fields: [Categories.RightsRequest.Id]), ct);
        return rows;
    }

    private async Task<Outcome<DataSubjectRequest>> StepAsync(
        Guid id, long? version, RequestType[] types, Func<DataSubjectRequest, Task<string>> apply, CancellationToken ct)
    {
        var request = await requests.LoadAsync(id, version, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (Refusal(request, types) is { } why)
        {
            return Outcome.Conflict("state", why);
        }

        var action = await apply(request);
        requests.Close(request, RequestState.Completed, action);
        requests.Record(request, action, null);
        audit.Add(RequestSteps.Entry("request." + action, request, [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        if (request is { RequesterEmail: { } to, ResponseLetter: { } letter })
        {
            await mail.SendAsync(MailMessages.Text(to, RequestLetters.TypeName(request.Type, request.Language), letter,
                request.Language), request.Id, "response_letter", ct);
        }

        return request;
    }
}
