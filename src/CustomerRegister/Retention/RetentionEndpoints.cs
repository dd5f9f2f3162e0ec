using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Retention;

/// <summary>Retention preview, sweep and deletion log; legal holds.</summary>
public static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Retention").RequirePermission(Permissions.RetentionRead);
        read.MapGet("/retention/preview", async (string? asOf, RetentionQueries queries, CancellationToken ct) =>
                (await queries.PreviewAsync(asOf, ct)).ToOk())
            .WithName("PreviewRetention").WithSummary("What goes by asOf (default now) and why, and what holds keep back; counts only.");
        read.MapGet("/retention/forecast", async (bool? fresh, RetentionForecast forecast, CancellationToken ct) =>
                TypedResults.Ok(await forecast.ForecastAsync(fresh == true, ct)))
            .WithName("ForecastRetention").WithSummary("What falls due in each of the next 12 months, by rule and kind of item, and what holds keep back (kept for a while; fresh=true computes it again).");
        read.MapGet("/retention/rules/{rule}/items", async Task<Results<Ok<IReadOnlyList<RuleItem>>, NotFound>> (string rule, RetentionRules rules,
                    RetentionQueries queries, CancellationToken ct) =>
                rules.Describe(rule) is null ? TypedResults.NotFound() : TypedResults.Ok(await queries.RuleItemsAsync(rule, ct)))
            .WithName("ListRetentionRuleItems").WithSummary("The first items a rule removes within the next 12 months, earliest due first, with the day each counts from, its due date and what holds it.");
        read.MapGet("/retention/runs", async (int? limit, RetentionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.RunsAsync(limit, ct)))
            .WithName("ListRetentionRuns").WithSummary("The deletion log: recent runs with counts per table, category and rule.");
        read.MapGet("/legal-holds", async (bool? all, RetentionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.HoldsAsync(all, ct)))
            .WithName("ListLegalHolds").WithSummary("Legal holds in force (all=true for released ones too).");

        app.MapGet("/api/subjects/{subjectId:guid}/retention", ProfileAsync).WithTags("Retention").RequirePermission(Permissions.CustomerRead)
            .WithName("GetSubjectRetention").WithSummary("The person's profile due date (the last day it is kept), or the named reasons it is held.");

        var run = app.MapGroup("/api").WithTags("Retention").RequirePermission(Permissions.RetentionRun);
        run.MapPost("/retention/run", async (RetentionSweep sweep, HttpContext http, CancellationToken ct) =>
                (await sweep.RunForAsync(http.User, ct)).ToOk())
            .WithName("RunRetentionSweep").WithSummary("Sweep now; 409 when another instance holds the lease.");
        run.MapPost("/retention/runs", (RetentionRunner runner, HttpContext http) =>
            {
                var job = runner.Start(http.User);
                return TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, "en"));
            })
            .WithName("StartRetentionSweep").WithSummary("Start a sweep in the background (one at a time) and answer at once with its job; follow it at /api/jobs/{id}.");
        run.MapPost("/legal-holds", async (HoldRequest request, LegalHolds holds, HttpContext http, CancellationToken ct) =>
                (await holds.SetAsync(request, http.User, ct)).ToCreated(h => $"/api/legal-holds/{h.Id}", h => h))
            .WithName("SetLegalHold").WithSummary("Hold a person (subjectId) or one item (table + rowId) back from the sweep, with the reason.");
        app.MapPost("/api/legal-holds/{id:guid}/release", async (Guid id, ReleaseRequest request, LegalHolds holds, HttpContext http,
                    CancellationToken ct) => (await holds.ReleaseAsync(id, request, http.User, ct)).ToOk())
            .WithTags("Retention").RequirePermission(Permissions.LegalHoldRelease)
            .WithName("ReleaseLegalHold").WithSummary("Release a hold, with the reason (the DPO only).");
        return app;
    }

    private static async Task<Results<Ok<ProfileRetentionStatus>, NotFound>> ProfileAsync(Guid subjectId, ProfileRetention retention, CancellationToken ct) =>
        await retention.GetAsync(subjectId, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}
