using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using CustomerRegister.Marketing.OptOut;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>A saved campaign as the list and the API show it.</summary>
public sealed record CampaignSummary(
    Guid Id, string Name, MarketingChannel Channel, string Purpose, DateTime CreatedAt, Guid? CreatedBy, string CreatedByName,
    CampaignCriteria Criteria);

/// <summary>A preview or export of a campaign: when, by whom, and its counts.</summary>
public sealed record CampaignRunResponse(
    Guid Id, CampaignRunKind Kind, DateTime At, string ByName, int Selected, int Included, IReadOnlyDictionary<CampaignExclusion, int> Excluded);

public sealed record CampaignDetail(CampaignSummary Campaign, IReadOnlyList<CampaignRunResponse> Runs);

/// <summary>One row of a preview: the person and the address the channel reaches them at (never the reasons of anyone left out).</summary>
public sealed record CampaignPreviewRow(Guid SubjectId, string Name, string? Organisation, string Address);

/// <summary>The counts of a list (selected, on the list, left out per reason) and its first rows.</summary>
public sealed record CampaignPreview(
    int Selected, int Included, IReadOnlyDictionary<CampaignExclusion, int> Excluded, IReadOnlyList<CampaignPreviewRow> FirstRows);

/// <summary>An event a selection may name (the form's choices).</summary>
public sealed record CampaignEventChoice(Guid Id, string Name, DateOnly Date);

/// <summary>A saved campaign's preview: its counts and first rows at once, or the job counting a large selection.</summary>
public sealed record CampaignPreviewStart(CampaignPreview? Preview, JobStatus? Job);

/// <summary>What an export is to write: the campaign, its criteria and the file's name.</summary>
public sealed record CampaignExportPlan(Guid CampaignId, string Name, CampaignCriteria Criteria, string FileName);

/// <summary>
/// The campaign use cases the API and the pages share: create, list, read, preview (counts and first rows) and export
/// (the CSV, streamed). Every preview and export is audited as a use of the people's data
/// (<c>marketing.campaign.preview</c>, <c>marketing.campaign.export</c>), pointing at the run that holds its counts; the
/// criteria are the campaign's. Each person a run put before staff has an event of their own, pointing at the same run:
/// <c>marketing.campaign.read</c> for the first rows a preview shows, <c>marketing.campaign.download</c> for every row of an
/// export, written 5 000 at a time as the file streams. So "who has seen this person" and the access report name every
/// list a person was on.
/// </summary>
public sealed class Campaigns(
    RegisterDbContext db, CampaignLists lists, AuditLog audit, TimeProvider clock, StaffNames staff, IHttpContextAccessor http, OptOutLinks links,
    BackgroundJobs jobs, IOptions<MarketingOptions> options)
{
    public const string PreviewJob = "campaign-preview";
    public const string SelectionTooLarge = "selection_too_large";

    /// <summary>The audit events' entity: the run (its counts, its campaign's criteria); none for a preview of unsaved criteria.</summary>
    public const string RunEntity = "marketing_campaign_run";
    public const string ShownAction = "marketing.campaign.read";
    public const string ListedAction = "marketing.campaign.download";
    public const int PreviewRows = 20;

    /// <summary>Listed people whose audit events are written together, before their rows are flushed to the file.</summary>
    private const int ListedPerWrite = 5_000;

    private static readonly LocalText UnknownEvent = new("Tapahtumaa ei löydy.", "Evenemanget finns inte.", "No such event.");

    public async Task<Outcome<CampaignCriteria>> CriteriaAsync(CampaignRequest request, CancellationToken ct)
    {
        var outcome = CampaignInput.Criteria(request);
        if (outcome.IsOk && outcome.Value!.EventId is { } eventId && !await db.Set<MarketingEvent>().AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.Invalid("eventId", UnknownEvent);
        }

        return outcome;
    }

    /// <summary>The events a selection may name, newest first (at most 200).</summary>
    public async Task<IReadOnlyList<CampaignEventChoice>> EventsAsync(CancellationToken ct) =>
        await db.Set<MarketingEvent>().AsNoTracking().OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Take(200)
            .Select(e => new CampaignEventChoice(e.Id, e.Name, e.Date)).ToListAsync(ct);

    public async Task<Outcome<Campaign>> CreateAsync(CampaignRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        var criteria = await CriteriaAsync(request, ct);
        if (criteria.Errors is { } more)
        {
            foreach (var (field, messages) in more.Messages)
            {
                foreach (var m in messages)
                {
                    errors.Add(field, m);
                }
            }
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var c = criteria.Value!;
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(),
            Name = name!,
            Channel = c.Channel,
            Purpose = c.Purpose,
            Criteria = CampaignCriteriaJson.Write(c),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = AuditLog.Actor(user).Id,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        var names = await staff.OfAsync(rows.Select(r => r.CreatedBy), ct);
        return [.. rows.Select(r => Summary(r, names))];
    }

    public async Task<Outcome<CampaignDetail>> GetAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return Outcome.Missing;
        }

        var runs = await db.Set<CampaignRun>().AsNoTracking().Where(r => r.CampaignId == id).OrderByDescending(r => r.At).Take(50).ToListAsync(ct);
        var names = await staff.OfAsync(runs.Select(r => r.By).Append(campaign.CreatedBy), ct);
        return new CampaignDetail(Summary(campaign, names), [.. runs.Select(r => new CampaignRunResponse(
            r.Id, r.Kind, r.At, Name(r.By, names), r.Selected, r.Included, Excluded(r)))]);
    }

    /// <summary>The counts and first rows of unsaved criteria (the new-campaign form), audited as a preview.</summary>
    public async Task<Outcome<CampaignPreview>> PreviewAsync(CampaignRequest request, CancellationToken ct)
    {
        var criteria = await CriteriaAsync(request, ct);
        if (!criteria.IsOk)
        {
            return new Failure(criteria.Errors, criteria.Conflict, criteria.NotFound);
        }

        var (selected, inline) = await SizeAsync(criteria.Value!, ct);
        if (!inline)
        {
            return Outcome.Conflict("selection", CampaignTexts.Texts["Campaigns.PreviewTooLarge"].Format(Display.Number(selected)), SelectionTooLarge);
        }

        return await PreviewAsync(null, criteria.Value!, firstRows: true, null, ct);
    }

    /// <summary>
    /// The counts and first rows of a saved campaign, recorded as a run and audited — at once for a selection of up to
    /// <see cref="MarketingOptions.CampaignPreviewInlineLimit"/> people, else as a background job (one at a time per
    /// campaign) whose run the campaign's page then lists.
    /// </summary>
    public async Task<Outcome<CampaignPreviewStart>> PreviewAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Criteria }).FirstOrDefaultAsync(ct);
        if (campaign is null)
        {
            return Outcome.Missing;
        }

        var criteria = CampaignCriteriaJson.Read(campaign.Criteria);
        var (selected, inline) = await SizeAsync(criteria, ct);
        if (inline)
        {
            return new CampaignPreviewStart(await PreviewAsync(id, criteria, firstRows: true, null, ct), null);
        }

        var start = new JobStart(PreviewJob, CampaignTexts.Texts["Campaigns.PreviewJob"].Format(campaign.Name), Permissions.MarketingWrite,
            $"/marketing/campaigns/{id}", $"{PreviewJob}:{id}");
        var step = CampaignTexts.Texts["Campaigns.PreviewStep"];
        return new CampaignPreviewStart(null, jobs.Start(start, user, async (services, progress, jobCt) =>
        {
            var preview = await services.GetRequiredService<Campaigns>()
                .PreviewAsync(id, criteria, firstRows: false, judged => progress.Report(judged, Math.Max(selected, judged), step), jobCt);
            return JobResult.Done(CampaignTexts.Texts["Campaigns.PreviewDone"].Format(Display.Number(preview.Included),
                Display.Number(preview.Selected - preview.Included)), $"/marketing/campaigns/{id}#runs-title");
        }));
    }

    /// <summary>How many the selection finds, and whether that few are judged within the request.</summary>
    private async Task<(int Selected, bool Inline)> SizeAsync(CampaignCriteria criteria, CancellationToken ct)
    {
        var selected = await lists.Selection(criteria).CountAsync(ct);
        return (selected, selected <= options.Value.CampaignPreviewInlineLimit);
    }

    /// <summary>Judges the selection; only a preview shown in a page keeps its first rows (and audits them as seen).</summary>
    private async Task<CampaignPreview> PreviewAsync(Guid? campaignId, CampaignCriteria criteria, bool firstRows, Action<int>? progress,
        CancellationToken ct)
    {
        var runId = Guid.CreateVersion7();
        var counts = new CampaignCounts();
        var first = new List<CampaignPreviewRow>();
        await foreach (var batch in lists.EvaluateAsync(criteria, ct))
        {
            foreach (var v in batch)
            {
                counts.Add(v);
                if (firstRows && v.Exclusion is null && first.Count < PreviewRows)
                {
                    first.Add(new CampaignPreviewRow(v.Person.SubjectId, v.Person.Name, v.Person.Organisation, Address(criteria.Channel, v.Person)));
                }
            }

            progress?.Invoke(counts.Selected);
        }

        await AuditPeopleAsync(ShownAction, first.Select(r => r.SubjectId), campaignId is null ? null : runId, criteria.Channel, ct);
        await RecordAsync(runId, campaignId, criteria.Channel, CampaignRunKind.Preview, counts, "ok", ct);
        return new CampaignPreview(counts.Selected, counts.Included, counts.ByReason.ToDictionary(r => r.Reason, r => r.Count), first);
    }

    public async Task<Outcome<CampaignExportPlan>> ExportPlanAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return campaign is null
            ? Outcome.Missing
            : new CampaignExportPlan(campaign.Id, campaign.Name, CampaignCriteriaJson.Read(campaign.Criteria),
                CampaignFile.FileName(campaign.Name, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Writes the campaign's list to <paramref name="output"/> as CSV (<see cref="CampaignFile"/>), a batch at a time,
    /// then records the run with its counts and audits it. An export cut short is audited too, as <c>cancelled</c>.
    /// </summary>
    public async Task<CampaignCounts> ExportAsync(CampaignExportPlan plan, Stream output, CancellationToken ct)
    {
        var runId = Guid.CreateVersion7();
        var counts = new CampaignCounts();
        var c = plan.Criteria;
        var outcome = "cancelled";
        try
        {
            await output.WriteAsync(CampaignFile.ByteOrderMark, ct);
            await using (var writer = CampaignFile.Writer(output))
            {
                writer.WriteHeader([.. CampaignFile.Columns(c.Channel)]);
                var listed = new List<Guid>(ListedPerWrite);
                await foreach (var batch in lists.EvaluateAsync(c, ct))
                {
                    foreach (var v in batch)
                    {
                        counts.Add(v);
                        if (v.Exclusion is null)
                        {
                            var link = CampaignFile.NeedsOptOutLink(c.Channel) ? OptOutLink(v.Person.SubjectId, c) : null;
                            await writer.WriteRecordAsync(CampaignFile.Row(c.Channel, v.Person, c.Language, link), ct);
                            listed.Add(v.Person.SubjectId);
                        }
                    }

                    if (listed.Count >= ListedPerWrite)
                    {
                        await AuditAndFlushAsync();
                    }
                }

                await AuditAndFlushAsync();

                // Recorded before the rows leave: a download cut short has still its rows audited.
                async Task AuditAndFlushAsync()
                {
                    await AuditPeopleAsync(ListedAction, listed, runId, c.Channel, ct);
                    listed.Clear();
                    await writer.FlushAsync(ct);
                }
            }

            outcome = "ok";
        }
        finally
        {
            await RecordAsync(runId, plan.CampaignId, c.Channel, CampaignRunKind.Export, counts, outcome, CancellationToken.None);
        }

        return counts;
    }

    /// <summary>The person's signed opt-out link for the campaign's channel and purpose, in the campaign's language.</summary>
    private string OptOutLink(Guid subjectId, CampaignCriteria c) => links.UrlFor(subjectId, c.Channel, c.Purpose, c.Language);

    /// <summary>An event per person put before staff by the run, bulk-written in one transaction of its own.</summary>
    private async Task AuditPeopleAsync(string action, IEnumerable<Guid> subjects, Guid? runId, MarketingChannel channel, CancellationToken ct)
    {
        var rows = new DemoBatch();
        foreach (var subject in subjects)
        {
            rows.Add(audit.Event(new AuditEntry(action, Purposes.Marketing, subject, RunEntity, runId?.ToString(), Fields(channel))));
        }

        if (rows.RowCount == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await BulkWriter.For(db, db.Database.GetDbConnection()).WriteAsync(rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task RecordAsync(Guid runId, Guid? campaignId, MarketingChannel channel, CampaignRunKind kind, CampaignCounts counts, string outcome,
        CancellationToken ct)
    {
        if (campaignId is { } id)
        {
            db.Add(new CampaignRun
            {
                Id = runId,
                CampaignId = id,
                Kind = kind,
                At = clock.GetUtcNow().UtcDateTime,
                By = AuditLog.Actor(http.HttpContext?.User).Id,
                Selected = counts.Selected,
                Included = counts.Included,
                NoConsent = counts.Excluded(CampaignExclusion.NoConsent),
                Prohibition = counts.Excluded(CampaignExclusion.Prohibition),
                Restriction = counts.Excluded(CampaignExclusion.Restriction),
                Objection = counts.Excluded(CampaignExclusion.Objection),
                IndustryOptOut = counts.Excluded(CampaignExclusion.IndustryOptOut),
                NoAddress = counts.Excluded(CampaignExclusion.NoAddress),
            });
        }

        // The run (its counts) and the campaign (its criteria) are what the event points at: no person is named.
        var action = kind == CampaignRunKind.Export ? "marketing.campaign.export" : "marketing.campaign.preview";
        audit.Add(new AuditEntry(action, Purposes.Marketing, null, RunEntity, campaignId is null ? null : runId.ToString(), Fields(channel), outcome));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The categories a list on the channel uses: the name, the channel's address, the marketing permissions.</summary>
    public static IReadOnlyList<string> Fields(MarketingChannel channel) =>
    [
        Categories.Name.Id,
        (channel switch { MarketingChannel.Email => Categories.Email, MarketingChannel.Post => Categories.Address, _ => Categories.Phone }).Id,
        Categories.MarketingPermission.Id,
    ];

    private static string Address(MarketingChannel channel, CampaignPerson p) => channel switch
    {
        MarketingChannel.Email => p.Email ?? "",
        MarketingChannel.Sms or MarketingChannel.Phone => Display.Phone(p.Phone),
        _ => $"{p.Street}, {p.PostalCode} {p.City}".Trim(),
    };

    private static CampaignSummary Summary(Campaign c, IReadOnlyDictionary<Guid, string> names) =>
        new(c.Id, c.Name, c.Channel, c.Purpose, c.CreatedAt, c.CreatedBy, Name(c.CreatedBy, names), CampaignCriteriaJson.Read(c.Criteria));

    private static string Name(Guid? id, IReadOnlyDictionary<Guid, string> names) =>
        id is { } g && names.TryGetValue(g, out var n) ? n : UiText.Get("Audit.Actor.Unknown");

    private static IReadOnlyDictionary<CampaignExclusion, int> Excluded(CampaignRun r) => new Dictionary<CampaignExclusion, int>
    {
        [CampaignExclusion.NoConsent] = r.NoConsent,
        [CampaignExclusion.Prohibition] = r.Prohibition,
        [CampaignExclusion.Restriction] = r.Restriction,
        [CampaignExclusion.Objection] = r.Objection,
        [CampaignExclusion.IndustryOptOut] = r.IndustryOptOut,
        [CampaignExclusion.NoAddress] = r.NoAddress,
    };
}
