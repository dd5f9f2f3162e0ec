using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Breaches.Pages;

/// <summary>The form of a new breach; times as the DPO reads them, in Helsinki time.</summary>
public sealed class BreachForm
{
    public DateTime? DiscoveredAt { get; set; }

    public DateTime? OccurredAt { get; set; }

    public string? Description { get; set; }

    public List<string> Categories { get; set; } = [];

    public int? ApproxPeople { get; set; }

    public int? ApproxRecords { get; set; }

    public string? Consequences { get; set; }

    public string? Measures { get; set; }

    public long? Version { get; set; }

    public BreachInput ToInput() => new(FormTimes.FromHelsinki(DiscoveredAt), FormTimes.FromHelsinki(OccurredAt), Description, Categories,
        ApproxPeople, ApproxRecords, Consequences, Measures, Version);

    public static BreachForm Of(Breach b) => new()
    {
        DiscoveredAt = FormTimes.ToHelsinki(b.DiscoveredAt),
        OccurredAt = b.OccurredAt is { } o ? FormTimes.ToHelsinki(o) : null,
        Description = b.Description,
        Categories = [.. b.Categories],
        ApproxPeople = b.ApproxPeople,
        ApproxRecords = b.ApproxRecords,
        Consequences = b.Consequences,
        Measures = b.Measures,
        Version = b.Version,
    };
}

/// <summary>A page with the breach form (new, edit): what <c>_BreachFields</c> draws.</summary>
public interface IBreachFormPage
{
    BreachForm Input { get; }
}

/// <summary>Records a breach (<c>/breaches/new</c>) through the same <see cref="BreachRegister.RecordAsync"/> as <c>POST /api/breaches</c>.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class NewModel(BreachRegister register, TimeProvider clock) : PageModel, IBreachFormPage
{
    [BindProperty]
    public BreachForm Input { get; set; } = new();

    [TempData(Key = BreachPages.NoticeKey)]
    public string? Notice { get; set; }

    public void OnGet()
    {
        var now = FormTimes.ToHelsinki(clock.GetUtcNow().UtcDateTime);
        Input.DiscoveredAt = now.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await register.RecordAsync(Input.ToInput(), ct);
        if (!ModelState.Show(outcome))
        {
            return Page();
        }

        Notice = UiText.Get("Breaches.New.Saved");
        return Redirect($"/breaches/{outcome.Value!.Id}");
    }
}
