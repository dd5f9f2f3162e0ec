using System.Globalization;
using System.Security.Claims;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;

namespace CustomerRegister.Retention;

/// <summary>
/// "Run now" as long work with progress: the sweep runs as a job (<see cref="BackgroundJobs"/>), one at a time in this
/// instance, telling each rule and table as it goes and the items removed so far; it ends with the counts and a link to
/// the run in the deletion log, or with the reason it could not run (another instance holds the lease) or stopped.
/// </summary>
public sealed class RetentionRunner(BackgroundJobs jobs)
{
    public const string Kind = "retention-sweep";

    public static readonly LocalText Title = new("Vanhentuneiden tietojen poisto", "Rensning av föråldrade uppgifter", "Retention sweep");

    private static readonly LocalText StepText = new("{0}: {1} – {2} poistettu tähän mennessä", "{0}: {1} – {2} raderade hittills",
        "{0}: {1} – {2} removed so far");

    private static readonly LocalText Summary = new("Poistettiin {0}, pidossa {1}.", "Raderades {0}, spärrade {1}.", "{0} removed, {1} held.");

    public JobStatus Start(ClaimsPrincipal? user) =>
        jobs.Start(new JobStart(Kind, Title, Permissions.RetentionRead, "/retention", SingleKey: Kind), user, async (services, progress, ct) =>
        {
            var sweep = services.GetRequiredService<RetentionSweep>();
            var outcome = await sweep.RunForAsync(progress.User, ct, p => progress.Report(p.Done, p.Total, Step(p)));
            if (outcome.Value is not { } result)
            {
                return JobResult.Failed(outcome.Conflict?.Message ?? BackgroundJobs.UnexpectedFailure.Format("-"));
            }

            return JobResult.Done(Summary.Format(Count(result.Deleted), Count(result.Held)), $"/retention#run-{result.RunId}");
        });

    /// <summary>The step in words: the rule's name and what it removes.</summary>
    public static LocalText Step(SweepProgress p) => StepText.Format(RetentionTexts.RuleName(p.Rule), Kinds(p.Categories), Count(p.Removed));

    /// <summary>The categories' names, in each language.</summary>
    public static LocalText Kinds(IEnumerable<string> categories)
    {
        var all = categories.Select(Categories.Get).ToList();
        return new(Join(all, "fi"), Join(all, "sv"), Join(all, "en"));

        static string Join(List<DataCategory> all, string language) =>
            all.Count > 3 ? string.Join(", ", all.Take(3).Select(c => c.Name(language).ToLowerInvariant())) + " …"
                : string.Join(", ", all.Select(c => c.Name(language).ToLowerInvariant()));
    }

    private static string Count(long n) => n.ToString("#,##0", Display.Format);
}
