using System.Security.Claims;
using CustomerRegister.Localization;

namespace CustomerRegister.Infrastructure.Jobs;

/// <summary>
/// Long work with progress (issue 15 item 7): a use case starts a job and answers at once with its id; the work runs on
/// the server in a scope of its own, reporting its steps, and ends done (with a summary and a link to the result) or
/// failed (with the reason). Leaving the page does not stop it: it runs until done or until the app stops. The status is
/// read at <c>/jobs/{id}</c> (the page, which refreshes itself) and <c>GET /api/jobs/{id}</c>, by users with the job's
/// permission. Jobs are kept in this instance's memory for a day: a restart forgets them (the work itself, such as the
/// retention sweep, keeps its own durable record).
/// </summary>
public sealed class BackgroundJobs(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<BackgroundJobs> log)
{
    /// <summary>How long a finished job stays readable.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public static readonly LocalText UnexpectedFailure = new(
        "Työ keskeytyi odottamattomaan virheeseen ({0}). Tehty osa on tallessa; voit käynnistää työn uudelleen.",
        "Arbetet avbröts av ett oväntat fel ({0}). Det som redan gjorts är sparat; du kan starta arbetet igen.",
        "The work stopped on an unexpected error ({0}). What was done is kept; you can start it again.");

    public static readonly LocalText Stopped = new(
        "Työ keskeytyi, koska sovellus pysäytettiin. Tehty osa on tallessa; voit käynnistää työn uudelleen.",
        "Arbetet avbröts eftersom applikationen stoppades. Det som redan gjorts är sparat; du kan starta arbetet igen.",
        "The work stopped because the application was stopped. What was done is kept; you can start it again.");

    private readonly JobTable _jobs = new();

    /// <summary>
    /// Starts <paramref name="work"/> in the background on behalf of <paramref name="user"/> and returns its status at once.
    /// With a <see cref="JobStart.SingleKey"/>, a job of that key still running is returned instead of a second one.
    /// </summary>
    public JobStatus Start(JobStart start, ClaimsPrincipal? user, Func<IServiceProvider, IJobProgress, CancellationToken, Task<JobResult>> work)
    {
        Prune();
        JobEntry entry;
        lock (_jobs.StartLock)
        {
            if (start.SingleKey is { } key
                && _jobs.Entries.Values.FirstOrDefault(j => j.Start.SingleKey == key && !j.Status.Finished) is { } running)
            {
                return running.Status;
            }

            entry = new JobEntry(Guid.CreateVersion7(), start, user, clock.GetUtcNow().UtcDateTime);
            _jobs.Entries[entry.Status.Id] = entry;

            // The request that starts the job ends long before the job does: nothing of it (its HttpContext, its
            // cancellation) may flow into the work.
            using (ExecutionContext.SuppressFlow())
            {
                entry.Completion = Task.Run(() => RunAsync(entry, work));
            }
        }

        log.LogInformation("Job {JobId} ({Kind}) started", entry.Status.Id, start.Kind);
        return entry.Status;
    }

    /// <summary>The job's status, or null when there is no such job (or it is too old).</summary>
    public JobStatus? Find(Guid id) => _jobs.Entries.TryGetValue(id, out var entry) ? entry.Status : null;

    /// <summary>The latest job started with <paramref name="singleKey"/> (running or finished), or null.</summary>
    public JobStatus? LatestOf(string singleKey) =>
        _jobs.Entries.Values.Where(e => e.Start.SingleKey == singleKey).Select(e => e.Status)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).FirstOrDefault();

    /// <summary>The permission a user needs to see the job; null when there is no such job.</summary>
    public string? PermissionOf(Guid id) => _jobs.Entries.TryGetValue(id, out var entry) ? entry.Start.Permission : null;

    /// <summary>The latest jobs of a kind, newest first.</summary>
    public IReadOnlyList<JobStatus> Latest(string kind, int count) =>
        [.. _jobs.Entries.Values.Select(e => e.Status).Where(s => s.Kind == kind).OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).Take(count)];

    /// <summary>Completes when the job has finished (for tests and for a caller that wants to wait); at once for an unknown job.</summary>
    public Task WhenFinishedAsync(Guid id) => _jobs.Entries.TryGetValue(id, out var entry) ? entry.Completion : Task.CompletedTask;

    private async Task RunAsync(JobEntry entry, Func<IServiceProvider, IJobProgress, CancellationToken, Task<JobResult>> work)
    {
        var ct = lifetime.ApplicationStopping;
        JobResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();

            // What the work's services read of "the current user" (the audit's actor, permission checks) is the starter.
            var http = scope.ServiceProvider.GetService<IHttpContextAccessor>();
            if (http is not null)
            {
                http.HttpContext = new DefaultHttpContext { User = entry.User ?? new ClaimsPrincipal(), RequestServices = scope.ServiceProvider };
            }

            entry.Running();
            result = await work(scope.ServiceProvider, entry, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = JobResult.Failed(Stopped);
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {JobId} ({Kind}) failed", entry.Status.Id, entry.Start.Kind);
            result = JobResult.Failed(UnexpectedFailure.Format(e.GetType().Name));
        }

        entry.Finish(result, clock.GetUtcNow().UtcDateTime);
        log.LogInformation("Job {JobId} ({Kind}) {State}", entry.Status.Id, entry.Start.Kind, entry.Status.State);
    }

    private void Prune()
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var (id, entry) in _jobs.Entries)
        {
            if (entry.Status is { Finished: true, FinishedAt: { } at } && at < before)
            {
                _jobs.Entries.TryRemove(id, out _);
            }
        }
    }
}
