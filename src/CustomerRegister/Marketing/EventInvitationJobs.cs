using System.Security.Claims;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using CustomerRegister.Marketing.Campaigns;
using CustomerRegister.Marketing.Pages.Events;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record CampaignInvitationRequest(Guid? CampaignId, string? Source);

/// <summary>
/// Inviting a saved campaign list to an event as long work with progress (<see cref="BackgroundJobs"/>): the list's people
/// (<see cref="CampaignLists.SelectAsync"/>, already only those the ledger allows on its channel) are invited on the
/// list's channel one by one through <see cref="MarketingEvents.InviteAsync"/>, so the ledger and restrictions are
/// checked again at the moment of the invitation. One such job per event at a time.
/// </summary>
public sealed class EventInvitationJobs(BackgroundJobs jobs, Data.RegisterDbContext db, CampaignLists lists, Campaigns.Campaigns campaigns)
{
    public const string Kind = "event-invitations";

    private static readonly LocalText NoSuchCampaign = new(
        "Kampanjalistaa ei löydy.", "Kampanjlistan finns inte.", "No such campaign list.");

    private static readonly LocalText NotInviteChannel = new(
        "Kampanjalistan kanavalla ei voi kutsua.", "Kampanjlistans kanal kan inte användas för inbjudningar.", "The list's channel is not one to invite on.");

    /// <summary>Checks the request and starts the job, or answers why not (404 for an unknown event).</summary>
    public async Task<Outcome<JobStatus>> StartAsync(Guid eventId, CampaignInvitationRequest request, ClaimsPrincipal? user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.CampaignId is null)
        {
            errors.Add("campaignId", FieldMessages.Required);
        }

        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (!await db.Set<MarketingEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.Missing;
        }

        var campaignId = request.CampaignId!.Value;
        if (await lists.CriteriaAsync(campaignId, ct) is not { } criteria)
        {
            return Outcome.Invalid("campaignId", NoSuchCampaign);
        }

        if (!MarketingConsentRules.ContactChannels.Contains(criteria.Channel))
        {
            return Outcome.Invalid("campaignId", NotInviteChannel);
        }

        var title = EventTexts.Texts["Marketing.Events.JobTitle"];
        return jobs.Start(new JobStart(Kind, title, Permissions.MarketingWrite, $"/marketing/events/{eventId}", $"{Kind}:{eventId}"), user,
            async (services, progress, ct) =>
            {
                // The list is read in the job's scope and the invitations written in a scope of their own: the list's
                // batched reads and the invitations' saves never share a context.
                var selection = services.GetRequiredService<CampaignLists>().SelectAsync(criteria, ct);
                await using var writes = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var outcome = await writes.ServiceProvider.GetRequiredService<MarketingEvents>().InviteAllAsync(eventId, selection,
                    criteria.Channel, source!.Value,
                    done => progress.Report(done, 0, EventTexts.Texts["Marketing.Events.JobStep"].Format(Display.Number(done))), ct);
                return outcome.Value is { } result
                    ? JobResult.Done(Summary(result), $"/marketing/events/{eventId}")
                    : JobResult.Failed(BackgroundJobs.UnexpectedFailure.Format("404"));
            });
    }

    /// <summary>The saved campaign lists on a channel one may invite on, for the event page's choice (name · channel).</summary>
    public async Task<IReadOnlyList<SelectListItem>> ChoicesAsync(CancellationToken ct) =>
        [.. (await campaigns.ListAsync(ct)).Where(c => MarketingConsentRules.ContactChannels.Contains(c.Channel))
            .Select(c => new SelectListItem($"{c.Name} · {Display.Enum(c.Channel)}", c.Id.ToString()))];

    /// <summary>"Kutsuttu 3, jo aiemmin kutsuttu 1, ei kutsuttu … 2 (markkinointikielto 1, käsittely rajoitettu 1)."</summary>
    public static LocalText Summary(BulkInvitationResult result)
    {
        var reasons = result.RefusedByReason.Count == 0
            ? new LocalText("", "", "")
            : EventTexts.Texts["Marketing.Events.JobReasons"].Format(Join(result.RefusedByReason));
        return EventTexts.Texts["Marketing.Events.JobDone"].Format(
            Display.Number(result.Invited), Display.Number(result.AlreadyInvited), Display.Number(result.Refused), reasons);
    }

    private static LocalText Join(IReadOnlyDictionary<string, int> counts)
    {
        var parts = counts.Select(c => (Text: EventTexts.Reason(c.Key), Count: Display.Number(c.Value)))
            .Select(p => new LocalText($"{p.Text.Fi} {p.Count}", $"{p.Text.Sv} {p.Count}", $"{p.Text.En} {p.Count}")).ToList();
        return new LocalText(string.Join(", ", parts.Select(p => p.Fi)), string.Join(", ", parts.Select(p => p.Sv)), string.Join(", ", parts.Select(p => p.En)));
    }
}
