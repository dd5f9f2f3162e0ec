using CustomerRegister.Customers.Pages;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Infrastructure.Jobs.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Retention.Pages;

/// <summary>
/// The retention desk (<c>/retention</c>): the 12-month forecast as a chart and a table (<see cref="RetentionForecast"/>, as
/// <c>GET /api/retention/forecast</c>), the people holds keep, the sweeps with their deletion log
/// (<see cref="RetentionQueries.RunsAsync"/>, as <c>GET /api/retention/runs</c>) and "run now", which starts the sweep as a
/// job (<see cref="RetentionRunner"/>, as <c>POST /api/retention/runs</c>) and leads to its progress.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RetentionRead)]
public sealed class IndexModel(RetentionForecast forecast, RetentionQueries queries, RetentionRunner runner, BackgroundJobs jobs, Access access)
    : PageModel
{
    public ForecastResponse Forecast { get; private set; } = null!;

    public RetentionChart Chart { get; private set; } = null!;

    public IReadOnlyList<RunResponse> Runs { get; private set; } = [];

    /// <summary>The sweep job running now in this instance, if any.</summary>
    public JobStatus? Running { get; private set; }

    public bool MayRun { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Forecast = await forecast.ForecastAsync(false, ct);
        Chart = new RetentionChart(Forecast);
        Runs = await queries.RunsAsync(10, ct);
        Running = jobs.Latest(RetentionRunner.Kind, 1).FirstOrDefault(j => !j.Finished);
        MayRun = await access.HasAsync(Permissions.RetentionRun);
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        if (!await access.HasAsync(Permissions.RetentionRun))
        {
            return Forbid();
        }

        return Redirect(JobPages.Href(runner.Start(User).Id));
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        await forecast.ForecastAsync(true, ct);
        return Redirect("/retention");
    }

    /// <summary>Who started a run, in words (never the user's id).</summary>
    public static string Trigger(string trigger) => Localization.UiText.Get("Retention.Trigger." + (trigger switch
    {
        "schedule" => "schedule",
        _ when trigger.StartsWith("api:user:", StringComparison.Ordinal) => "user",
        _ when trigger.StartsWith("api:client:", StringComparison.Ordinal) => "client",
        _ => "other",
    }));
}
