using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;

namespace CustomerRegister.Profiling;

/// <summary>
/// The DPO's "run now": a profiling run as long work with progress (<see cref="BackgroundJobs"/>), one at a time in
/// this instance, ending with the counts and a link back to <c>/profiling</c>.
/// </summary>
public sealed class ProfilingJobs(BackgroundJobs jobs)
{
    public const string Kind = "profiling";

    public JobStatus Start(ClaimsPrincipal? user) =>
        jobs.Start(new JobStart(Kind, ProfilingTexts.Texts["Profiling.Job.Title"], Permissions.RequestHandle, "/profiling", SingleKey: Kind), user,
            async (services, progress, ct) =>
            {
                var runner = services.GetRequiredService<ProfilingRunner>();
                var run = await runner.RunAsync(TriggerOf(progress.User), null,
                    (done, total) => progress.Report(done, total, ProfilingTexts.Texts["Profiling.Job.Step"].Format(Count(done))), ct);
                return run is null
                    ? JobResult.Failed(BackgroundJobs.UnexpectedFailure.Format("-"))
                    : JobResult.Done(ProfilingTexts.Texts["Profiling.Job.Done"].Format(Count(run.Profiled), Count(run.Results), Count(run.Excluded)),
                        "/profiling");
            });

    /// <summary>Who started a run: <c>user</c> or <c>client</c> (never an id).</summary>
    public static string TriggerOf(ClaimsPrincipal? user) => AuditLog.Actor(user).Kind switch
    {
        AuditLog.ActorClient => "client",
        AuditLog.ActorUser => "user",
        _ => "schedule",
    };

    private static string Count(int n) => n.ToString("#,##0", Display.Format);
}
