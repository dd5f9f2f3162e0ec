using System.Security.Claims;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Marketing.Campaigns;

public static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/campaigns").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("", (Campaigns campaigns, CancellationToken ct) => campaigns.ListAsync(ct))
            .WithName("ListCampaigns")
            .WithSummary("The saved campaign lists (newest first): name, channel, purpose, criteria, who made them and when.");
        read.MapGet("/{id:guid}", (Guid id, Campaigns campaigns, CancellationToken ct) => campaigns.GetAsync(id, ct).ToOkAsync())
            .WithName("GetCampaign")
            .WithSummary("A saved campaign with its previews and exports (when, by whom, counts per reason).");

        // A preview shows names and an export hands them out: both are a use of the data for marketing (Marketing.Write).
        var write = app.MapGroup("/api/campaigns").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("", async (CampaignRequest request, ClaimsPrincipal user, Campaigns campaigns, CancellationToken ct) =>
                (await campaigns.CreateAsync(request, user, ct)).To(c => TypedResults.Created($"/api/campaigns/{c.Id}", new { c.Id, c.Name })))
            .WithName("CreateCampaign")
            .WithSummary("Save a campaign list's name and criteria (channel, purpose, selection).");
        write.MapPost("/preview", (CampaignRequest request, Campaigns campaigns, CancellationToken ct) => campaigns.PreviewAsync(request, ct).ToOkAsync())
            .WithName("PreviewCampaignCriteria")
            .WithSummary("Counts (selected, on the list, left out per reason) and the first rows of unsaved criteria; audited. A selection " +
                         "larger than Marketing:CampaignPreviewInlineLimit answers 409 (selection_too_large): save it and preview the campaign.");
        write.MapPost("/{id:guid}/preview", async Task<Results<Ok<CampaignPreview>, Accepted<JobResponse>, NotFound>> (
                    Guid id, ClaimsPrincipal user, Campaigns campaigns, CancellationToken ct) =>
                {
                    var outcome = await campaigns.PreviewAsync(id, user, ct);
                    return outcome.Value switch
                    {
                        { Job: { } job } => TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, "en")),
                        { Preview: { } preview } => TypedResults.Ok(preview),
                        _ => TypedResults.NotFound(),
                    };
                })
            .WithName("PreviewCampaign")
            .WithSummary("Counts and the first rows of a saved campaign; recorded as a run and audited. A selection larger than " +
                         "Marketing:CampaignPreviewInlineLimit is counted as a job instead: 202 with the job (follow /api/jobs/{id}); its run " +
                         "is then in GET /api/campaigns/{id}.");
        write.MapPost("/{id:guid}/export", async (Guid id, Campaigns campaigns, CancellationToken ct) =>
            {
                var plan = await campaigns.ExportPlanAsync(id, ct);
                return plan.IsOk
                    ? Results.Stream(async s => await campaigns.ExportAsync(plan.Value!, s, ct), CampaignFile.ContentType, plan.Value!.FileName)
                    : Results.NotFound();
            })
            .WithName("ExportCampaign")
            .WithSummary("The campaign's list as CSV (; and UTF-8 BOM), only the channel's columns, each email/SMS row with its opt-out link; streamed, recorded and audited.");
        return app;
    }
}
