using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Retention;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The forecast is kept: the same copy until a hold or a sweep changes the data (then a new one), and once older than its
/// lifetime the kept copy is still answered — with the time it was computed — while the next one is computed.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionForecastKeepingTests : IAsyncLifetime
{
    private readonly RetentionFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AHoldMakesANewForecastAndAnOldOneIsShownWhileTheNextComputes()
    {
        var dpo = await _app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await _app.CreateUserAsync(Roles.CustomerService);
        var first = await ComputedAtAsync(dpo.Client);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(first, await ComputedAtAsync(dpo.Client));

        // A hold changes what the sweep may remove: the next forecast is computed after it.
        var subjectId = (await service.Client.CreateConsumerAsync(new { firstName = "Pidetty", lastName = "Henkilö", source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var hold = await (await _app.AdminAsync()).PostAsJsonAsync("/api/legal-holds", new { subjectId, reason = "Riita-asia" });
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        var afterHold = await ComputedAtAsync(dpo.Client);
        Assert.True(afterHold > first);

        // Older than its lifetime: still answered as it was, and a fresh one asked for is computed now.
        _app.Clock.Advance(ForecastCache.Lifetime);
        Assert.Equal(afterHold, await ComputedAtAsync(dpo.Client));
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, await ComputedAtAsync(dpo.Client, fresh: true));
    }

    private static async Task<DateTime> ComputedAtAsync(HttpClient client, bool fresh = false) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/retention/forecast?fresh={(fresh ? "true" : "false")}"))
        .GetProperty("computedAt").GetDateTime();
}
