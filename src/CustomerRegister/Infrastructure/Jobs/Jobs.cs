using System.Collections.Concurrent;
using System.Security.Claims;
using CustomerRegister.Localization;

namespace CustomerRegister.Infrastructure.Jobs;

/// <summary>Where a job is: started (queued, not yet begun), running (with progress), done, or failed with the reason.</summary>
public enum JobState
{
    Started,
    Running,
    Done,
    Failed,
}

/// <summary>
/// What a job is and who may watch it: <paramref name="Kind"/> names the work ("retention-sweep"), <paramref name="Title"/>
/// says it in words, <paramref name="Permission"/> is what a user needs to see its status, <paramref name="BackHref"/> is
/// the page it was started from. A <paramref name="SingleKey"/> lets only one such job run at a time: starting another
/// while one runs returns the running one.
/// </summary>
public sealed record JobStart(string Kind, LocalText Title, string Permission, string? BackHref = null, string? SingleKey = null);

/// <summary>How a job ended: a summary and where its result is shown, or the reason it failed.</summary>
public sealed record JobResult(bool Succeeded, LocalText Message, string? ResultHref = null)
{
    public static JobResult Done(LocalText summary, string? resultHref = null) => new(true, summary, resultHref);

    public static JobResult Failed(LocalText reason) => new(false, reason);
}

/// <summary>A job as its status page and the API show it (no values of anyone's data: counts and steps only).</summary>
public sealed record JobStatus(
    Guid Id, string Kind, LocalText Title, JobState State, DateTime StartedAt, DateTime? FinishedAt, int Done, int Total, LocalText? Step,
    LocalText? Message, string? ResultHref, string? BackHref)
{
    public bool Finished => State is JobState.Done or JobState.Failed;

    /// <summary>Progress in whole per cent, when the job knows how many steps it has.</summary>
    public int? Percent => Total > 0 ? Math.Clamp(Done * 100 / Total, 0, 100) : null;
}

/// <summary>What a running job tells about itself: steps done of all it knows of, and the step it is on.</summary>
public interface IJobProgress
{
    /// <summary>The user who started the job (for the audit and the run's trigger).</summary>
    ClaimsPrincipal? User { get; }

    void Report(int done, int total, LocalText? step);
}

/// <summary>The API's view of a job: its texts in the caller's language.</summary>
public sealed record JobResponse(Guid Id, string Kind, string Title, string State, DateTime StartedAt, DateTime? FinishedAt, int Done, int Total,
    int? Percent, string? Step, string? Message, string? ResultHref)
{
    public static JobResponse From(JobStatus job, string language) => new(job.Id, job.Kind, job.Title.In(language), job.State.ToString(),
        job.StartedAt, job.FinishedAt, job.Done, job.Total, job.Percent, job.Step?.In(language), job.Message?.In(language), job.ResultHref);
}

/// <summary>One job's live record, updated by its worker and read by status pages.</summary>
internal sealed class JobEntry(Guid id, JobStart start, ClaimsPrincipal? user, DateTime startedAt) : IJobProgress
{
    private readonly Lock _lock = new();
    private JobStatus _status = new(id, start.Kind, start.Title, JobState.Started, startedAt, null, 0, 0, null, null, null, start.BackHref);

    public JobStart Start { get; } = start;

    public ClaimsPrincipal? User { get; } = user;

    public Task Completion { get; set; } = Task.CompletedTask;

    public JobStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public void Report(int done, int total, LocalText? step)
    {
        lock (_lock)
        {
            if (!_status.Finished)
            {
                _status = _status with { State = JobState.Running, Done = done, Total = Math.Max(total, done), Step = step };
            }
        }
    }

    public void Running()
    {
        lock (_lock)
        {
            _status = _status with { State = JobState.Running };
        }
    }

    public void Finish(JobResult result, DateTime at)
    {
        lock (_lock)
        {
            _status = _status with
            {
                State = result.Succeeded ? JobState.Done : JobState.Failed,
                FinishedAt = at,
                Done = result.Succeeded ? Math.Max(_status.Done, _status.Total) : _status.Done,
                Step = null,
                Message = result.Message,
                ResultHref = result.ResultHref,
            };
        }
    }
}

/// <summary>The jobs this app instance has run lately, by id.</summary>
internal sealed class JobTable
{
    public ConcurrentDictionary<Guid, JobEntry> Entries { get; } = new();

    public Lock StartLock { get; } = new();
}
