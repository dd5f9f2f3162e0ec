using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Marketing.Pages.Consents;

/// <summary>
/// Append a marketing permission, withdrawal, prohibition or its lifting to the person's ledger: the same use case as
/// POST /api/subjects/{id}/marketing-consents. <c>?kind=ban&amp;channel=Email</c> presets a prohibition, so a ban is one
/// click from the person's page and one to confirm.
/// </summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.MarketingWrite)]
public sealed class NewModel(CustomerFormQueries forms, ConsentLedger ledger) : Customers.Pages.SubjectFormModel(forms)
{
    /// <summary>The kinds staff record here; a soft opt-in comes with a sale, not from this form.</summary>
    public static readonly IReadOnlyList<ConsentEntryKind> Kinds =
        [ConsentEntryKind.Prohibition, ConsentEntryKind.ProhibitionLifted, ConsentEntryKind.PermissionGranted, ConsentEntryKind.PermissionWithdrawn];

    [BindProperty]
    public ConsentForm Input { get; set; } = new();

    public bool IsBan => Input.Kind == ConsentEntryKind.Prohibition;

    public async Task<IActionResult> OnGetAsync(Guid id, string? kind, string? channel, string? purpose, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } customer)
        {
            return NotFound();
        }

        Input = new()
        {
            Kind = KindOf(kind),
            Channel = Enum.TryParse<MarketingChannel>(channel, ignoreCase: true, out var c) && MarketingConsentRules.ContactChannels.Contains(c)
                ? c : MarketingChannel.Email,
            Purpose = MarketingConsentRules.IsMarketingPurpose(purpose) ? purpose : Purposes.Marketing,
            Source = customer.UsualSource,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var request = new ConsentEntryRequest(Input.Channel?.ToString(), Input.Purpose, Input.Kind?.ToString(), Input.Source?.ToString(),
            Customers.Pages.FormTimes.FromHelsinki(Input.OccurredAt), Input.WordingVersion, Input.Evidence);
        return SaveAsync(id, () => ledger.AppendAsync(id, request, User, ct), "marketing", ct);
    }

    private static ConsentEntryKind KindOf(string? kind) => kind?.ToLowerInvariant() switch
    {
        "ban" or "prohibition" => ConsentEntryKind.Prohibition,
        "lift" or "prohibitionlifted" => ConsentEntryKind.ProhibitionLifted,
        "withdrawal" or "withdraw" or "permissionwithdrawn" => ConsentEntryKind.PermissionWithdrawn,
        "permission" or "permissiongranted" => ConsentEntryKind.PermissionGranted,
        _ => ConsentEntryKind.Prohibition,
    };
}

public sealed class ConsentForm
{
    public ConsentEntryKind? Kind { get; set; }

    public MarketingChannel? Channel { get; set; }

    public string? Purpose { get; set; }

    public DataSource? Source { get; set; }

    public DateTime? OccurredAt { get; set; }

    public string? WordingVersion { get; set; }

    public string? Evidence { get; set; }
}
