using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Audit.Pages;

/// <summary>One event as the page shows it: every name in words.</summary>
public sealed record AuditRow(AuditEventResponse Event, string Actor, string Action, string Purpose, string Fields, string Outcome, string? Grants);

/// <summary>
/// The audit trail for the auditor and the DPO: events filtered by person, actor, action, purpose and period, newest first
/// and keyset-paged, through the same <see cref="AuditQueries"/> as <c>GET /api/audit</c>; the chain's head and its last
/// verification, with a button that verifies it again (<c>GET /api/audit/verify</c>).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.AuditRead)]
public sealed class IndexModel(AuditQueries queries, AuditActors actors, Access access, RegisterDbContext db) : PageModel
{
    /// <summary>The person's identifier (the subject key) as typed or linked.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public AuditChainState? Chain { get; private set; }

    public IReadOnlyList<SelectListItem> Actors { get; private set; } = [];

    /// <summary>May the viewer open a person's page (the DPO), or only filter by the person (the auditor).</summary>
    public bool MayOpenPerson { get; private set; }

    public bool Filtered => Person is not null || Actor is not null || Action is not null || Purpose is not null || From is not null || To is not null;

    /// <summary>The known actions in words, sorted once per language (the select is drawn on every view).</summary>
    public static IEnumerable<SelectListItem> Actions => ActionChoices.GetOrAdd(
            System.Globalization.CultureInfo.CurrentUICulture.Name,
            _ => [.. AuditWords.Known.Select(a => (Text: AuditWords.Describe(a), Value: a)).OrderBy(i => i.Text, StringComparer.CurrentCulture)])
        .Select(i => new SelectListItem(i.Text, i.Value));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Text, string Value)[]> ActionChoices = new();

    public static IEnumerable<SelectListItem> Purposes => Catalog.Purposes.All
        .Select(p => new SelectListItem(AuditWords.Purpose(p), p));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Verifies the whole chain (the API's verify), then shows the same filtered page again.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        await queries.VerifyAsync(ct);
        return Redirect(Link(Before));
    }

    /// <summary>This page's address with the current filters and the given cursor.</summary>
    public string Link(long? before)
    {
        var q = new QueryString();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                q = q.Add(name, value);
            }
        }

        Add("person", Person?.Trim());
        Add("actor", Actor?.ToString());
        Add("action", Action);
        Add("purpose", Purpose);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/audit" + q;
    }

    public string VerifyAction => "/audit?handler=Verify" + (Request.QueryString.HasValue ? "&" + Request.QueryString.Value![1..] : "");

    private async Task LoadAsync(CancellationToken ct)
    {
        MayOpenPerson = await access.HasAsync(Permissions.CustomerRead);
        Actors = [.. (await actors.AllAsync(ct)).Select(a => new SelectListItem(
            a.Kind == AuditLog.ActorClient ? UiText.Format("Audit.Actor.Client", a.Name) : a.Name, a.Id.ToString()))];
        Chain = await queries.StateAsync(ct);

        Guid? subject = null;
        if (!string.IsNullOrWhiteSpace(Person))
        {
            if (Guid.TryParse(Person.Trim(), out var s))
            {
                subject = s;
            }
            else
            {
                ModelState.AddModelError(nameof(Person), UiText.Get("Audit.Filter.BadPerson"));
            }
        }

        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), UiText.Get("Audit.Filter.BadPeriod"));
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        // The period is in Helsinki days, both ends included.
        var filter = new AuditFilter(subject, Actor,
            From is { } from ? HelsinkiTime.StartUtc(from) : null,
            To is { } to ? HelsinkiTime.StartUtc(to.AddDays(1)) : null,
            Before, Paging.DefaultSize, Action, Purpose);
        var outcome = await queries.ListAsync(filter, ct);
        if (!ModelState.Show(outcome, ""))
        {
            return;
        }

        var page = outcome.Value!;
        NextBefore = page.NextAfter;
        var names = await actors.NamesAsync(page.Items.Select(e => (e.ActorKind, e.ActorId)), ct);
        var fields = AuditFieldWords.Of(db.Model);
        Rows = [.. page.Items.Select(e => new AuditRow(e,
            AuditActors.Describe(e.ActorKind, e.ActorId, names),
            AuditWords.Describe(e.Action),
            AuditWords.Purpose(e.Purpose),
            fields.Describe(e.Fields),
            UiText.Has("Audit.Outcome." + e.Outcome) ? UiText.Get("Audit.Outcome." + e.Outcome) : e.Outcome,
            e.Grants.Count == 0 ? null : UiText.Format("Audit.Grants", string.Join(", ", e.Grants.Select(Grant)))))];
    }

    /// <summary>The words for a problem the verifier reports (its English sentence is the API's and the command line's).</summary>
    public static string ProblemKey(string problem) => problem switch
    {
        _ when problem.StartsWith("seal number", StringComparison.Ordinal) => "Audit.Chain.Problem.Missing",
        _ when problem.StartsWith("seal does not follow", StringComparison.Ordinal) => "Audit.Chain.Problem.Order",
        _ when problem.StartsWith("seal covers", StringComparison.Ordinal) => "Audit.Chain.Problem.Count",
        _ => "Audit.Chain.Problem.Changed",
    };

    private static string Grant(string grant)
    {
        var removed = grant.StartsWith('-');
        var name = removed ? grant[1..] : grant;
        var words = UiText.Has("Start.Role." + name) ? UiText.Get("Start.Role." + name) : name;
        return removed ? "−" + words : words;
    }
}
