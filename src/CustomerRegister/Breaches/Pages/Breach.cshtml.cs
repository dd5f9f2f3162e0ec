using CustomerRegister.Customers.Pages;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Breaches.Pages;

/// <summary>
/// One breach (<c>/breaches/{id}</c>): its facts, the 72-hour clock and the notification to the authority, the decision
/// on telling the people with the letter in fi/sv/en, and the people found from the audit trail — each step the same use
/// case as its API endpoint (<see cref="BreachRegister"/>, <see cref="BreachQueries"/>).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class BreachModel(
    BreachQueries queries, BreachRegister register, BreachNotices notices, RegisterDbContext db, TimeProvider clock) : PageModel
{
    public sealed class AuthorityForm
    {
        public AuthorityDecision? Decision { get; set; }

        public DateTime? NotifiedAt { get; set; }

        public string? Reference { get; set; }

        public string? Reason { get; set; }

        public long? Version { get; set; }
    }

    public sealed class PeopleForm
    {
        public PeopleDecision? Decision { get; set; }

        public string? Reason { get; set; }

        public long? Version { get; set; }
    }

    public sealed class AffectedForm
    {
        public Guid? ActorId { get; set; }

        public DateTime? From { get; set; }

        public DateTime? To { get; set; }
    }

    public BreachView View { get; private set; } = null!;

    public IReadOnlyList<BreachLetterResponse> Letters { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Actors { get; private set; } = [];

    /// <summary>Each named person's letter state, by the breach's subject row.</summary>
    public IReadOnlyDictionary<Guid, LetterState> LetterStates { get; private set; } = new Dictionary<Guid, LetterState>();

    public LetterCounts LetterCounts { get; private set; } = BreachNotices.Count([]);

    [BindProperty]
    public AuthorityForm Authority { get; set; } = new();

    [BindProperty]
    public PeopleForm People { get; set; } = new();

    [BindProperty]
    public AffectedForm Affected { get; set; } = new();

    [TempData(Key = BreachPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Authority.NotifiedAt = Minutes(FormTimes.ToHelsinki(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorityAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await register.RecordAuthorityAsync(id, new AuthorityInput(Authority.Decision, FormTimes.FromHelsinki(Authority.NotifiedAt),
            Authority.Reference, Authority.Reason, Authority.Version), ct).CatchStale();
        return outcome.NotFound ? NotFound() : ModelState.Show(outcome, nameof(Authority)) ? Saved(id, "authority") : await AgainAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPeopleAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await register.DecidePeopleAsync(id, new PeopleInput(People.Decision, People.Reason, People.Version), ct).CatchStale();
        return outcome.NotFound ? NotFound() : ModelState.Show(outcome, nameof(People)) ? Saved(id, "people") : await AgainAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAffectedAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await register.FindAffectedAsync(id, new AffectedSearch(Affected.ActorId, FormTimes.FromHelsinki(Affected.From),
            FormTimes.FromHelsinki(Affected.To)), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome, nameof(Affected)))
        {
            return await AgainAsync(id, ct);
        }

        Notice = UiText.Format("Breaches.Affected.Found", outcome.Value!.Found, outcome.Value.Added);
        return Redirect($"/breaches/{id}#affected");
    }

    public async Task<IActionResult> OnPostLettersAsync(Guid id, CancellationToken ct)
    {
        var outcome = await notices.SendAsync(id, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome, "Letters"))
        {
            return await AgainAsync(id, ct);
        }

        Notice = UiText.Format("Breaches.Letters.Sent", outcome.Value!.Emailed, outcome.Value.ToPost);
        return Redirect($"/breaches/{id}#letters");
    }

    public async Task<IActionResult> OnPostPostedAsync(Guid id, CancellationToken ct)
    {
        var outcome = await notices.MarkPostedAsync(id, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        Notice = UiText.Format("Breaches.Letters.Posted", outcome.Value);
        return Redirect($"/breaches/{id}#letters");
    }

    private IActionResult Saved(Guid id, string anchor)
    {
        Notice = UiText.Get("Breaches.Saved");
        return Redirect($"/breaches/{id}#{anchor}");
    }

    /// <summary>The page again after a refused step: the user's input kept, the current record (and version) shown.</summary>
    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // A stale save: the hidden versions take the current ones, so the next save applies to what is shown now.
        ModelState.Remove("Authority.Version");
        ModelState.Remove("People.Version");
        Authority.Version = View.Breach.Version;
        People.Version = View.Breach.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        if (!view.IsOk)
        {
            return false;
        }

        View = view.Value!;
        Authority.Version ??= View.Breach.Version;
        People.Version ??= View.Breach.Version;
        if (View.Breach.People == PeopleDecision.Notify)
        {
            var letters = new List<BreachLetterResponse>();
            foreach (var language in Languages.All)
            {
                letters.Add((await queries.LetterAsync(id, language, ct)).Value!);
            }

            Letters = letters;
        }

        LetterStates = await notices.StatesAsync(id, ct);
        LetterCounts = BreachNotices.Count(LetterStates.Values);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName, u.Email }).Take(Paging.MaxSize).ToListAsync(ct);
        Actors = [.. users.Select(u => new SelectListItem(string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : $"{u.DisplayName} ({u.Email})",
            u.Id.ToString(), u.Id == Affected.ActorId))];
        var now = FormTimes.ToHelsinki(clock.GetUtcNow().UtcDateTime);
        Affected.From ??= Minutes(FormTimes.ToHelsinki(View.Breach.OccurredAt ?? View.Breach.DiscoveredAt).AddDays(-1));
        Affected.To ??= Minutes(now);
        return true;
    }

    private static DateTime Minutes(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Kind);
}
