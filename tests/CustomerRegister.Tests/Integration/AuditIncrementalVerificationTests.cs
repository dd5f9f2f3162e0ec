using System.Net.Http.Json;
using CustomerRegister.Audit;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The verification the DPO desk makes every few minutes walks only the seals since the last valid one, and the whole
/// chain once a day: an edit among the new events is found at once, an edit before the checkpoint by the next full one.
/// </summary>
public sealed class AuditIncrementalVerificationTests : IAsyncLifetime
{
    private readonly ClockFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LaterVerificationsWalkOnlyTheNewSealsAndAFullOneComesDaily()
    {
        var admin = await _app.AdminAsync();
        await admin.GetAsync("/api/users");
        var full = await VerifyAsync(full: true);
        Assert.True(full.Valid);
        Assert.NotNull(full.Checkpoint);

        // More events, then the quick verification: valid, the counts those of the whole chain, only the new seals walked.
        await admin.GetAsync("/api/users");
        await admin.GetAsync("/api/users");
        var quick = await VerifyAsync(full: false);
        Assert.True(quick.Valid);
        Assert.True(quick.Checkpoint!.SealNumber > full.Checkpoint!.SealNumber);
        var whole = await VerifyAsync(full: true);
        Assert.Equal(whole.EventsChecked, quick.EventsChecked);
        Assert.Equal(whole.SealsChecked, quick.SealsChecked);

        // An edit before the checkpoint: the quick walk does not read those events again.
        var lastId = await LastEventIdAsync();
        Assert.True((await VerifyAsync(full: false)).Valid);
        await AuditTamper.RunAsync(_app, $"UPDATE audit_events SET purpose = 'marketing' WHERE id = {lastId}");
        Assert.True((await VerifyAsync(full: false)).Valid, "the tampered event lies before the last valid seal");

        // The daily full verification does read them.
        _app.Clock.Advance(AuditVerifications.FullEvery);
        var daily = await VerifyAsync(full: false);
        Assert.False(daily.Valid);
        Assert.Null(daily.Checkpoint);
    }

    [Fact]
    public async Task AnEditAfterTheCheckpointIsFoundByTheQuickVerification()
    {
        var admin = await _app.AdminAsync();
        Assert.True((await VerifyAsync(full: true)).Valid);

        await admin.GetAsync("/api/users");
        await admin.GetAsync("/api/users");
        await SealAsync();
        var lastId = await LastEventIdAsync();
        await AuditTamper.RunAsync(_app, $"UPDATE audit_events SET purpose = 'marketing' WHERE id = {lastId}");

        var quick = await VerifyAsync(full: false);
        Assert.False(quick.Valid);
        Assert.Contains(quick.Problems, p => p.Problem.Contains("changed", StringComparison.Ordinal));

        // Once broken, the next verification is a full one again (no checkpoint past a problem).
        var again = await VerifyAsync(full: false);
        Assert.False(again.Valid);
        Assert.Equal((await VerifyAsync(full: true)).EventsChecked, again.EventsChecked);
    }

    private async Task<AuditVerification> VerifyAsync(bool full)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditQueries>().VerifyAsync(full, CancellationToken.None);
    }

    private async Task SealAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
    }

    private async Task<long> LastEventIdAsync()
    {
        await SealAsync();
        return Convert.ToInt64(await _app.Database.ScalarAsync("SELECT MAX(last_event_id) FROM audit_seals"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
