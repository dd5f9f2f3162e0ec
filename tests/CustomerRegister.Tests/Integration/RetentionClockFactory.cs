using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a movable clock with small sweep batches and no scheduled sweep, for the retention rules.</summary>
public sealed class RetentionClockFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Retention:BatchSize", "10");
        builder.UseSetting("Retention:SweepEnabled", "false");
    }

    /// <summary>A data-protection officer (with billing) signed in now: tokens expire as the clock moves.</summary>
    public async Task<HttpClient> DpoAsync() => (await CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing)).Client;

    public async Task<JsonElement> SweepAsync()
    {
        var response = await (await DpoAsync()).PostAsJsonAsync("/api/retention/run", new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

    public string Literal(Guid id) => Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
