using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Vehicles.Pages.Reception;

/// <summary>
/// The scrap-yard desk: the day's certificates and payouts, and the start of a new scrapping: find the owner (the
/// search of /api/search) or add one in place (the use case of POST /api/consumers).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.VehicleWrite)]
public sealed class IndexModel(ReceptionDesk desk, SearchQueries search, CreateConsumer createConsumer, Access access) : PageModel
{
    public DeskDay Day { get; private set; } = null!;

    public string? Query { get; private set; }

    /// <summary>The consumers the search found (a certificate is issued to a consumer record); null before a search.</summary>
    public IReadOnlyList<SearchHit>? Owners { get; private set; }

    public string? SearchError { get; private set; }

    public bool MaySearch { get; private set; }

    public bool MayCreateOwner { get; private set; }

    [BindProperty]
    public OwnerInput Input { get; set; } = new();

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        await LoadAsync(ct);
        Query = q;
        if (q is null || !MaySearch)
        {
            return;
        }

        var outcome = await search.SearchAsync(q, SearchQueries.MaxResults, ct);
        if (!outcome.IsOk)
        {
            SearchError = Localization.UiText.Get("Reception.SearchTooShort");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Owners = [.. outcome.Value!.Where(h => h.Kind == SearchTarget.Consumer && h.SubjectId is not null)];
    }

    public async Task<IActionResult> OnPostOwnerAsync(CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.CustomerWrite))
        {
            return Forbid();
        }

        var request = new ConsumerRequest(Input.FirstName, Input.LastName, Input.Street, Input.PostalCode, Input.City, Input.Phone,
            Input.Email, null, DataSource.Consumer, null);
        var outcome = await createConsumer.RunAsync(request, ct);
        if (ModelState.Show(outcome) && outcome.Value!.Consumer is { } consumer)
        {
            return Redirect($"/reception/certificates/new?subjectId={consumer.SubjectId}");
        }

        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>"klo 14.05": the Helsinki time of day of an instant recorded today.</summary>
    public static string Time(DateTime utc) =>
        $"{Localization.UiText.Get("Display.At")} {TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), HelsinkiTime.Zone).ToString("H.mm", Localization.Display.Format)}";

    private async Task LoadAsync(CancellationToken ct)
    {
        MaySearch = await access.HasAsync(Permissions.CustomerRead);
        MayCreateOwner = await access.HasAsync(Permissions.CustomerWrite);
        Day = await desk.TodayAsync(ct);
    }

    /// <summary>The desk's compact owner form: the fields the certificate prints, and a phone or email to reach the owner.</summary>
    public sealed class OwnerInput
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Street { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }
    }
}
