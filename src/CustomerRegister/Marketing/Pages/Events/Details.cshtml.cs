using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Marketing.Pages.Events;

/// <summary>
/// One event (<c>/marketing/events/{id}</c>): its invitations with their state (as <c>GET /api/marketing-events/{id}/invitations</c>),
/// inviting one person found by the search (as <c>POST /api/marketing-events/{id}/invitations</c>, which refuses what the
/// ledger or a restriction does not allow), and recording registration and attendance (as
/// <c>PUT /api/event-invitations/{id}/participation</c>).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.MarketingRead)]
public sealed class DetailsModel(MarketingEvents events, EventInvitationJobs invitations, SearchQueries search, Access access) : PageModel
{
    /// <summary>The states staff record after the invitation.</summary>
    public static readonly IReadOnlyList<ParticipationStatus> States =
        [ParticipationStatus.Registered, ParticipationStatus.Attended, ParticipationStatus.Cancelled];

    public MarketingEventResponse Event { get; private set; } = null!;

    public IReadOnlyList<InviteeResponse> Invitees { get; private set; } = [];

    public PersonSearch People { get; private set; } = new();

    public bool MayWrite { get; private set; }

    [BindProperty]
    public InviteForm Input { get; set; } = new();

    [BindProperty]
    public ParticipationForm Participation { get; set; } = new();

    [BindProperty]
    public CampaignForm List { get; set; } = new();

    /// <summary>The saved campaign lists to invite from (id, name and channel in words).</summary>
    public IReadOnlyList<SelectListItem> Campaigns { get; private set; } = [];

    /// <summary>Why recording a state was refused, with whose row it was.</summary>
    public string? ParticipationError { get; private set; }

    public Guid? ParticipationErrorRow { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, CancellationToken ct)
    {
        Input.Q = q;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var outcome = await events.InviteAsync(id, new InvitationRequest(Input.SubjectId, Input.Channel?.ToString(), Input.Source?.ToString()), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData[FormNotice.Key] = UiText.Get("Marketing.Events.Invited");
        return Redirect($"/marketing/events/{id}#invitations");
    }

    /// <summary>Invites a saved campaign list in the background (as <c>POST /api/marketing-events/{id}/invitations/from-campaign</c>); then the job's page.</summary>
    public async Task<IActionResult> OnPostCampaignAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var outcome = await invitations.StartAsync(id, new CampaignInvitationRequest(List.CampaignId, List.Source?.ToString()), User, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome, "List"))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/jobs/{outcome.Value!.Id}");
    }

    public async Task<IActionResult> OnPostParticipationAsync(Guid id, CancellationToken ct)
    {
        if (!await access.HasAsync(Permissions.MarketingWrite))
        {
            return Forbid();
        }

        var outcome = await events.SetParticipationAsync(Participation.InvitationId ?? Guid.Empty,
            new ParticipationRequest(Participation.Status?.ToString(), null, Participation.Version), ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsOk)
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            ParticipationError = (outcome.Conflict?.Message ?? outcome.Errors?.Messages.First().Value[0])?.In(language);
            ParticipationErrorRow = Participation.InvitationId;
            Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            ModelState.Clear();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData[FormNotice.Key] = UiText.Get("Marketing.Events.StateSaved");
        return Redirect($"/marketing/events/{id}#invitations");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await events.GetAsync(id, ct) is not { } e || (await events.InviteesAsync(id, ct)).Value is not { } invitees)
        {
            return false;
        }

        Event = e;
        Invitees = invitees;
        MayWrite = await access.HasAsync(Permissions.MarketingWrite);
        Input.Source ??= DataSource.OwnSystems;
        Input.Channel ??= MarketingChannel.Email;
        List.Source ??= DataSource.OwnSystems;
        if (MayWrite)
        {
            Campaigns = await invitations.ChoicesAsync(ct);
            People = await PersonSearch.RunAsync(search, access, $"/marketing/events/{id}#invite", Input.Q, Input.SubjectId, ct);
        }

        return true;
    }
}

public sealed class InviteForm
{
    /// <summary>The search the person was found with (kept so a refused invitation shows the same people).</summary>
    public string? Q { get; set; }

    public Guid? SubjectId { get; set; }

    public MarketingChannel? Channel { get; set; }

    public DataSource? Source { get; set; }
}

public sealed class CampaignForm
{
    public Guid? CampaignId { get; set; }

    public DataSource? Source { get; set; }
}

public sealed class ParticipationForm
{
    public Guid? InvitationId { get; set; }

    public ParticipationStatus? Status { get; set; }

    public long? Version { get; set; }
}
