using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Infrastructure.Jobs.Pages;

/// <summary>
/// A long job's status (<c>/jobs/{id}</c>): state, progress and the step it is on, then the result's link or the reason
/// it failed. The page refreshes its status region from <c>?handler=status</c> (an external script, no inline script);
/// without script, a link refreshes it. A user without the job's permission gets 404, as for an unknown job.
/// </summary>
public sealed class JobModel(JobQueries jobs) : PageModel
{
    public JobStatus Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await jobs.FindAsync(id) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    /// <summary>The status region alone, for the page's script to swap in.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id) =>
        await jobs.FindAsync(id) is { } job ? Partial(JobPages.StatusPartial, job) : NotFound();
}

/// <summary>Where the job pages are, for pages that start a job or show one's status.</summary>
public static class JobPages
{
    /// <summary>The reusable status partial (model: <see cref="JobStatus"/>).</summary>
    public const string StatusPartial = "~/Infrastructure/Jobs/Pages/_JobStatus.cshtml";

    public static string Href(Guid id) => $"/jobs/{id}";
}
