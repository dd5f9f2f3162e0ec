using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Retention.Pages;

/// <summary>What a hold covers, as the form offers it.</summary>
public enum HoldScope
{
    Person,
    Item,
}

/// <summary>
/// Legal holds (<c>/retention/holds</c>): the holds in force (or all), setting one on a person or one item with the
/// reason (<see cref="LegalHolds.SetAsync"/>, as <c>POST /api/legal-holds</c>, <c>Retention.Run</c>) and releasing one with
/// the reason (<see cref="LegalHolds.ReleaseAsync"/>, as <c>POST /api/legal-holds/{id}/release</c>, the DPO only).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RetentionRead)]
public sealed class HoldsModel(RetentionQueries queries, LegalHolds holds, RetentionSweep sweep, Access access, TimeProvider clock) : PageModel
{
    public sealed class SetInput
    {
        public HoldScope Scope { get; set; } = HoldScope.Person;

        public string? SubjectId { get; set; }

        public string? Table { get; set; }

        public string? RowId { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class ReleaseInput
    {
        public Guid Id { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty]
    public SetInput Input { get; set; } = new();

    [BindProperty]
    public ReleaseInput Release { get; set; } = new();

    public IReadOnlyList<HoldResponse> Holds { get; private set; } = [];

    public IReadOnlyList<HoldableTable> Tables { get; private set; } = [];

    public bool MaySet { get; private set; }

    public bool MayRelease { get; private set; }

    /// <summary>The hold whose release was refused, and why (shown beside its own form).</summary>
    public (Guid Id, string Message)? ReleaseError { get; private set; }

    public async Task OnGetAsync(Guid? subjectId, CancellationToken ct)
    {
        if (subjectId is { } s)
        {
            Input.SubjectId = s.ToString();
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.RetentionRun))
        {
            return Forbid();
        }

        ModelState.Clear();
        var request = Input.Scope == HoldScope.Person
            ? new HoldRequest(Id(Input.SubjectId, "Input.SubjectId"), null, null, Input.Reason)
            : new HoldRequest(null, string.IsNullOrWhiteSpace(Input.Table) ? null : Input.Table, Id(Input.RowId, "Input.RowId"), Input.Reason);
        if (ModelState.IsValid)
        {
            var outcome = await holds.SetAsync(request, User, ct);
            if (ModelState.Show(outcome))
            {
                TempData[FormNotice.Key] = UiText.Get("Retention.Holds.Set.Notice");
                return Redirect("/retention/holds");
            }

            // The form names the scope first, so an empty identifier is simply missing (not "either a person or an item").
            if (Input.Scope == HoldScope.Person && string.IsNullOrWhiteSpace(Input.SubjectId))
            {
                ModelState.Remove("Input.SubjectId");
                ModelState.AddModelError("Input.SubjectId", FieldMessages.Required.In(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.LegalHoldRelease))
        {
            return Forbid();
        }

        var outcome = await holds.ReleaseAsync(Release.Id, new ReleaseRequest(Release.Reason), User, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsOk)
        {
            TempData[FormNotice.Key] = UiText.Get("Retention.Holds.Released.Notice");
            return Redirect("/retention/holds");
        }

        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        ReleaseError = (Release.Id, string.Join(" ", outcome.Errors?.Messages.SelectMany(m => m.Value).Select(m => m.In(language)) ?? []));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public IEnumerable<SelectListItem> ScopeOptions() =>
    [
        new(UiText.Get("Retention.Holds.Set.ScopePerson"), nameof(HoldScope.Person), Input.Scope == HoldScope.Person),
        new(UiText.Get("Retention.Holds.Set.ScopeItem"), nameof(HoldScope.Item), Input.Scope == HoldScope.Item),
    ];

    public IEnumerable<SelectListItem> TableOptions()
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Tables.Select(t => new SelectListItem(RetentionRunner.Kinds(t.Categories).In(language), t.Table, t.Table == Input.Table));
    }

    /// <summary>The kind of a held item in words (the table's categories), or the table's name when it is not swept by rows.</summary>
    public string KindOf(string table)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Tables.FirstOrDefault(t => t.Table == table) is { } known ? RetentionRunner.Kinds(known.Categories).In(language) : table;
    }

    private Guid? Id(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        ModelState.AddModelError(field, UiText.Get("Retention.Holds.Set.BadId"));
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Holds = await queries.HoldsAsync(All, ct);
        Tables = RetentionRules.Holdable(sweep, clock.GetUtcNow().UtcDateTime);
        MaySet = await access.HasAsync(Permissions.RetentionRun);
        MayRelease = await access.HasAsync(Permissions.LegalHoldRelease);
    }
}
