using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Requests.Pages;

public sealed class VerifyForm
{
    public IdentityMethod? Method { get; set; }

    public string? Note { get; set; }
}

public sealed class ExtendForm
{
    public int? Months { get; set; } = RequestDeadlines.MaxExtensionMonths;

    public string? Reason { get; set; }

    /// <summary>Empty: the letter is emailed (or posted when there is no email); else how the requester was told.</summary>
    public string? ToldVia { get; set; }
}

public sealed class ReasonForm
{
    public string? Reason { get; set; }
}

public sealed class NoteForm
{
    public string? Note { get; set; }
}

public sealed class SendForm
{
    public ReportDelivery? Via { get; set; }

    public string? Language { get; set; }
}

public sealed class RectifyForm
{
    public string? Field { get; set; }

    public string? Value { get; set; }
}

public sealed class RestrictForm
{
    public RestrictionGround? Ground { get; set; }
}

public sealed class LiftForm
{
    public LimitKind? Kind { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// One request and its whole workflow: match (candidates and why), verify identity, start, extend, refuse, complete; per
/// type the access report (preview, download, send), rectification (before/after, Art 19 recipients), restriction and
/// objection (ground, scope, lifting); erasure on its own page. Every step is the same use case as its API endpoint,
/// which decides whether the request's state allows it.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class RequestModel(
    RequestQueries queries, RectificationTargets targets, RequestJobs requestJobs, RequestWorkflow workflow, AccessReports reports, RequestPeople people, SendAccessReport send, Rectifications rectifications,
    RestrictionHandling restrictions, SearchQueries search, StaffNames staff, UserManager<AppUser> users,
    Microsoft.Extensions.Options.IOptions<ControllerOptions> controller, Disclosures.RecipientNotifications notifications) : PageModel
{
    /// <summary>The person's values a handler may correct here (<see cref="RectificationTargets"/>); the API takes any rectifiable column.</summary>
    public IReadOnlyList<RectificationTarget> Targets { get; private set; } = [];

    /// <summary>The request's latest long job (a large report or erasure), or null.</summary>
    public Infrastructure.Jobs.JobStatus? Job { get; private set; }

    /// <summary>"Sukunimi", or for another row of the person "Yhteyshenkilö (Metalli Oy): Sähköposti".</summary>
    public static string TargetLabel(RectificationTarget t) => t.Table == "consumers"
        ? ColumnLabel(t.Field)
        : UiText.Format("Requests.Target." + t.Table, t.Owner ?? "", ColumnLabel(t.Field));

    /// <summary>A before/after line's field: the column, with the kind of row when it is not the consumer's own.</summary>
    public static string ChangeLabel(RectificationResponse c) => c.Table == "consumers" || !UiText.Has("Requests.Table." + c.Table)
        ? ColumnLabel(c.Field)
        : $"{UiText.Get("Requests.Table." + c.Table)}: {ColumnLabel(c.Field).ToLowerInvariant()}";

    private static string ColumnLabel(string field) =>
        UiText.Has("Requests.Column." + field) ? UiText.Get("Requests.Column." + field) : UiText.Get("Requests.Column.Other");

    public RequestResponse Current { get; private set; } = null!;

    public RequestPerson? Person { get; private set; }

    public IReadOnlyList<RequestPerson> Candidates { get; private set; } = [];

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public IReadOnlyList<ProcessingLimit> Limits { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Staff { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>A staff member's name, or "the system" for an action nobody signed in made.</summary>
    public string Who(Guid? id) => id is { } g && Staff.TryGetValue(g, out var n) ? n : UiText.Get("Requests.System");

    /// <summary>Art 19: the request's recipients to tell and who was told when.</summary>
    public IReadOnlyList<Disclosures.RecipientNotificationResponse> Notifications { get; private set; } = [];

    public Guid? Me { get; private set; }

    /// <summary>The person search of the match step (?q=).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The version of the request the user saw.</summary>
    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public VerifyForm Verify { get; set; } = new();

    [BindProperty]
    public ExtendForm Extend { get; set; } = new();

    [BindProperty]
    public ReasonForm Refuse { get; set; } = new();

    [BindProperty]
    public NoteForm Complete { get; set; } = new();

    [BindProperty]
    public NoteForm Withdraw { get; set; } = new();

    [BindProperty]
    public SendForm Send { get; set; } = new();

    [BindProperty]
    public RectifyForm Rectify { get; set; } = new();

    [BindProperty]
    public RestrictForm Restrict { get; set; } = new();

    [BindProperty]
    public LiftForm Lift { get; set; } = new();

    [TempData(Key = DpoPages.NoticeKey)]
    public string? Notice { get; set; }

    public bool IsOpen => RequestRules.IsOpen(Current.State);

    /// <summary>How the acknowledgement went (<c>email</c> or <c>post</c>), or null before it (an unconfirmed web-form request).</summary>
    public string? AcknowledgedVia => Current.Actions?.LastOrDefault(a => a.Action == RequestIntake.Acknowledged)?.Note;

    /// <summary>The letter that told the requester of a lift of a limit this request set (Art 18(3)); null for others.</summary>
    public string? LiftLetter(ProcessingLimit limit) => limit.RequestId == Current.Id
        ? RestrictionHandling.LiftLetter(limit, Current.Language, Current.RequesterName, RequestLetters.From(controller.Value))
        : null;

    /// <summary>The acknowledgement as it was sent, to read or to print and post.</summary>
    public string Acknowledgement => RequestLetters.Acknowledgement(Current, RequestLetters.From(controller.Value));

    public bool IsAccess => Current.Type is RequestType.Access or RequestType.Portability;

    public bool ReportReady => IsAccess && Current.SubjectId is not null && Current.Identity is not null
                               && Current.State is not (RequestState.Refused or RequestState.Withdrawn or RequestState.Duplicate);

    /// <summary>The model-state keys drawn beside a field; every other refusal (state, version, due date …) is shown at the top.</summary>
    private static readonly HashSet<string> FieldKeys =
    [
        "Verify.Method", "Verify.Note", "Extend.Months", "Extend.Reason", "Extend.ToldVia", "Refuse.Reason", "Complete.Note", "Withdraw.Note", "Send.Via",
        "Send.Language", "Rectify.Field", "Rectify.Value", "Restrict.Ground", "Lift.Kind", "Lift.Reason", "Q",
    ];

    public IEnumerable<string> OtherErrors() =>
        ModelState.Where(e => !FieldKeys.Contains(e.Key)).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Distinct();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// The access report as the API renders it (<c>GET /api/requests/{id}/access-report</c>, the same use case), for the
    /// signed-in handler: the HTML to preview, the PDF and the JSON to download. Each is logged on the request.
    /// </summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, string? format, string? lang, CancellationToken ct)
    {
        var outcome = await reports.ForRequestAsync(id, format ?? "html", lang, ct);
        if (outcome.Value is not { } document)
        {
            ModelState.Show(outcome, "");
            return outcome.NotFound ? NotFound() : await RedisplayAsync(id, ct);
        }

        using (document)
        {
            if (document.Format == "html")
            {
                Response.Headers.ContentSecurityPolicy = AccessReportHtml.ContentSecurityPolicy;
                return Content(document.Text!, document.ContentType);
            }

            var body = new MemoryStream();
            await document.WriteAsync(body, ct);
            body.Position = 0;
            var name = document.Format == "json" ? $"access-report-{lang ?? "fi"}.json" : document.FileName;
            return File(body, document.ContentType, name);
        }
    }

    public Task<IActionResult> OnPostMatchAsync(Guid id, Guid? subjectId, CancellationToken ct) =>
        StepAsync(id, "", workflow.MatchAsync(id, subjectId, Version, ct), "Requests.Match.Saved", ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Verify), workflow.VerifyIdentityAsync(id, Verify.Method, Verify.Note, Version, ct), "Requests.Verify.Saved", ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, "", workflow.StartAsync(id, Version, ct), "Requests.Start.Saved", ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Extend), workflow.ExtendAsync(id, Extend.Months, Extend.Reason, Extend.ToldVia, Version, ct), "Requests.Extend.Saved", ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Refuse), workflow.RefuseAsync(id, Refuse.Reason, Version, ct), "Requests.Refuse.Saved", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Complete), workflow.CompleteAsync(id, Complete.Note, Version, ct), "Requests.Complete.Saved", ct);

    /// <summary>The requester took the request back (by phone, letter, email): closed as withdrawn with the handler's note.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Withdraw), workflow.WithdrawAsync(id, Withdraw.Note, Version, ct), "Requests.Withdraw.Saved", ct);

    /// <summary>Art 19: one recipient told (the same use case as <c>POST /api/recipient-notifications/{id}/notified</c>).</summary>
    public async Task<IActionResult> OnPostNotifiedAsync(Guid id, Guid notificationId, string? note, CancellationToken ct)
    {
        var outcome = await notifications.MarkNotifiedAsync(notificationId, note, ct);
        if (outcome.IsOk)
        {
            Notice = UiText.Get("Disclosures.Art19.Saved");
            return Redirect($"/requests/{id}#art19");
        }

        ModelState.Show(outcome, "");
        return await RedisplayAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, bool? me, CancellationToken ct)
    {
        var userId = me == true ? (await users.GetUserAsync(User))?.Id : null;
        return await StepAsync(id, "", workflow.AssignAsync(id, userId, Version, ct), "Requests.Assign.Saved", ct);
    }

    /// <summary>The report sent; by email for a large person as a job whose progress page the handler is taken to.</summary>
    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var input = new SendReportRequest(Send.Via, Send.Language);
        if (Send.Via == ReportDelivery.Email && (await queries.GetAsync(id, ct)).Value?.SubjectId is { } subjectId
            && await requestJobs.LargeAsync(subjectId, ct) is { } items)
        {
            return Redirect(Infrastructure.Jobs.Pages.JobPages.Href(requestJobs.SendReport(id, input, items, User).Id));
        }

        return await StepAsync(id, nameof(Send), send.SendAsync(id, input, ct), "Requests.Send.Saved", ct);
    }

    public async Task<IActionResult> OnPostRectifyAsync(Guid id, CancellationToken ct)
    {
        var request = await queries.GetAsync(id, ct);
        var offered = request.Value?.SubjectId is { } subjectId ? await targets.OfAsync(subjectId, ct) : [];
        if (offered.FirstOrDefault(t => t.Key == Rectify.Field) is not { } target)
        {
            ModelState.AddModelError("Rectify.Field", UiText.Get(offered.Count == 0 ? "Requests.Rectify.NoConsumer" : "Requests.Rectify.ChooseField"));
            return await RedisplayAsync(id, ct);
        }

        var change = new RectifyChange(target.Table, target.RowId.ToString(), target.Field, Rectify.Value);
        var outcome = await rectifications.RectifyAsync(id, new RectifyRequest([change], Version), ct).CatchStale();
        if (outcome.Errors is { } errors)
        {
            // The change's errors name changes[0].value: shown beside the value.
            foreach (var (_, messages) in errors.Messages)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError("Rectify.Value", m.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
                }
            }

            return await RedisplayAsync(id, ct);
        }

        return await StepAsync(id, nameof(Rectify), Task.FromResult(outcome), "Requests.Rectify.Saved", ct);
    }

    public Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, nameof(Restrict), restrictions.RestrictAsync(id, Restrict.Ground, Version, ct), "Requests.Restrict.Saved", ct);

    public Task<IActionResult> OnPostObjectAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, "", restrictions.ObjectAsync(id, Version, ct), "Requests.Object.Saved", ct);

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct)
    {
        var request = await queries.GetAsync(id, ct);
        if (request.Value?.SubjectId is not { } subjectId)
        {
            return NotFound();
        }

        var outcome = await restrictions.LiftAsync(subjectId, Lift.Kind, Lift.Reason, ct);
        if (outcome.NotFound)
        {
            ModelState.AddModelError("Lift.Kind", UiText.Get("Requests.Lift.NoneInForce"));
            return await RedisplayAsync(id, ct);
        }

        if (!ModelState.Show(outcome, nameof(Lift)))
        {
            return await RedisplayAsync(id, ct);
        }

        Notice = UiText.Get("Requests.Lift.SavedLetter");
        return Redirect($"/requests/{id}#limits");
    }

    private async Task<IActionResult> StepAsync<T>(Guid id, string prefix, Task<Outcome<T>> step, string saved, CancellationToken ct)
    {
        var outcome = await step.CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome, prefix))
        {
            return await RedisplayAsync(id, ct);
        }

        Notice = UiText.Get(saved);
        return Redirect($"/requests/{id}");
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, ct);
        if (outcome.Value is not { } request)
        {
            return false;
        }

        Current = request;
        Job = requestJobs.LatestOf(id);
        Me = (await users.GetUserAsync(User))?.Id;
        var entity = ToEntity(request);
        Person = await people.MatchedAsync(entity, ct);
        if (request.SubjectId is null && IsOpen)
        {
            Candidates = await people.CandidatesAsync(entity, ct);
            if (!string.IsNullOrWhiteSpace(Q))
            {
                var hits = await search.SearchAsync(Q, 10, ct);
                if (ModelState.Show(hits, ""))
                {
                    Hits = [.. hits.Value!.Where(h => h.SubjectId is not null)];
                }
            }
        }

        if (request is { Type: RequestType.Rectification, SubjectId: { } person })
        {
            Targets = await targets.OfAsync(person, ct);
        }

        if (request.SubjectId is { } subjectId
            && request.Type is RequestType.Restriction or RequestType.ObjectionToMarketing or RequestType.ObjectionToProfiling)
        {
            Limits = await restrictions.ListAsync(subjectId, ct);
        }

        Notifications = await notifications.OfRequestAsync(id, ct);
        Staff = await staff.OfAsync(
            (request.Actions ?? []).Select(a => a.ActorId).Append(request.AssignedTo).Append(request.Identity?.By)
            .Concat(Notifications.Select(n => n.NotifiedBy)), ct);
        return true;
    }

    /// <summary>The request's identifying details, for the people queries (which compare them with the register's).</summary>
    private static DataSubjectRequest ToEntity(RequestResponse r) => new()
    {
        Id = r.Id,
        SubjectId = r.SubjectId,
        Type = r.Type,
        RequesterName = r.RequesterName ?? "",
        RequesterEmail = r.RequesterEmail,
        RequesterPhone = r.RequesterPhone,
        RequesterAddress = r.RequesterAddress,
    };
}
