using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Infrastructure.Jobs.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Profiling.Pages;

/// <summary>
/// The DPO's profiling page (<c>/profiling</c>): when it runs and by which thresholds (<see cref="ProfilingOptions"/>),
/// the latest runs (<see cref="ProfileQueries.RunsAsync"/>, as <c>GET /api/profiling/runs</c>) and "run now", which
/// starts a run as a job (<see cref="ProfilingJobs"/>, as <c>POST /api/profiling/runs</c>) and leads to its progress.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class IndexModel(ProfileQueries queries, ProfilingJobs runner, BackgroundJobs jobs, IOptions<ProfilingOptions> options) : PageModel
{
    public ProfilingOptions Options => options.Value;

    public IReadOnlyList<ProfilingRunResponse> Runs { get; private set; } = [];

    public JobStatus? Running { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await queries.RunsAsync(10, ct);
        Running = jobs.Latest(ProfilingJobs.Kind, 1).FirstOrDefault(j => !j.Finished);
    }

    public IActionResult OnPostRun() => Redirect(JobPages.Href(runner.Start(User).Id));
}
