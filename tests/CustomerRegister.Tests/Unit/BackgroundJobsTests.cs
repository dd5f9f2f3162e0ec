using System.Security.Claims;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// Long work with progress: a job is started, reports its steps while it runs, and ends done with its summary or failed
/// with the reason; one of a single key runs at a time. The work waits on gates the test opens, never on a clock.
/// </summary>
public sealed class BackgroundJobsTests
{
    private static readonly LocalText Title = new("Testityö", "Testarbete", "Test job");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));

    private BackgroundJobs Jobs() => new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), _clock,
        new Lifetime(), NullLogger<BackgroundJobs>.Instance);

    [Fact]
    public async Task AJobShowsItsStepsWhileRunningAndItsSummaryWhenDone()
    {
        var jobs = Jobs();
        var reported = new TaskCompletionSource();
        var go = new TaskCompletionSource();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "test"));
        ClaimsPrincipal? seen = null;

        var started = jobs.Start(new JobStart("test", Title, "Test.Read", "/back"), user, async (_, progress, _) =>
        {
            seen = progress.User;
            progress.Report(1, 3, new("Vaihe yksi", "Steg ett", "Step one"));
            reported.SetResult();
            await go.Task;
            return JobResult.Done(new("Valmista tuli", "Det blev klart", "All done"), "/result");
        });
        Assert.Contains(started.State, new[] { JobState.Started, JobState.Running });
        Assert.Equal("/back", started.BackHref);

        await reported.Task;
        var running = jobs.Find(started.Id)!;
        Assert.Equal(JobState.Running, running.State);
        Assert.Equal((1, 3, 33), (running.Done, running.Total, running.Percent!.Value));
        Assert.Equal("Vaihe yksi", running.Step!.Fi);
        Assert.Null(running.FinishedAt);
        Assert.Same(user, seen);

        _clock.Advance(TimeSpan.FromMinutes(2));
        go.SetResult();
        await jobs.WhenFinishedAsync(started.Id);
        var done = jobs.Find(started.Id)!;
        Assert.Equal(JobState.Done, done.State);
        Assert.Equal("Valmista tuli", done.Message!.Fi);
        Assert.Equal("/result", done.ResultHref);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, done.FinishedAt);
        Assert.Equal(100, done.Percent);
        Assert.Null(done.Step);
        Assert.Equal("Test.Read", jobs.PermissionOf(started.Id));
    }

    [Fact]
    public async Task AJobFailsWithItsOwnReasonOrWithTheKindOfErrorThatStoppedIt()
    {
        var jobs = Jobs();
        var refused = jobs.Start(new JobStart("test", Title, "Test.Read"), null,
            (_, _, _) => Task.FromResult(JobResult.Failed(new("Lukko varattu", "Låset upptaget", "Lease held"))));
        var thrown = jobs.Start(new JobStart("test", Title, "Test.Read"), null,
            (_, _, _) => throw new InvalidOperationException("a message that may name a person"));
        await jobs.WhenFinishedAsync(refused.Id);
        await jobs.WhenFinishedAsync(thrown.Id);

        Assert.Equal((JobState.Failed, "Lukko varattu"), (jobs.Find(refused.Id)!.State, jobs.Find(refused.Id)!.Message!.Fi));
        var failed = jobs.Find(thrown.Id)!;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Contains("InvalidOperationException", failed.Message!.Fi, StringComparison.Ordinal);
        Assert.DoesNotContain("person", failed.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyOneJobOfASingleKeyRunsAtATime()
    {
        var jobs = Jobs();
        var go = new TaskCompletionSource();
        var start = new JobStart("sweep", Title, "Test.Read", SingleKey: "sweep");
        var first = jobs.Start(start, null, async (_, _, _) =>
        {
            await go.Task;
            return JobResult.Done(Title);
        });
        var again = jobs.Start(start, null, (_, _, _) => Task.FromResult(JobResult.Done(Title)));
        Assert.Equal(first.Id, again.Id);

        go.SetResult();
        await jobs.WhenFinishedAsync(first.Id);
        var next = jobs.Start(start, null, (_, _, _) => Task.FromResult(JobResult.Done(Title)));
        Assert.NotEqual(first.Id, next.Id);
        await jobs.WhenFinishedAsync(next.Id);
        Assert.Equal([next.Id, first.Id], jobs.Latest("sweep", 5).Select(j => j.Id));
        Assert.Null(jobs.Find(Guid.NewGuid()));
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
