using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>The register on a clock the tests move forward (never back), Helsinki day by day.</summary>
public class ClockFactory : RequestsFactory
{
    public ClockFactory()
        : this(DateTimeOffset.UtcNow)
    {
    }

    protected ClockFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    public DateOnly Today => HelsinkiTime.Today(Clock);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the clock to <paramref name="hour"/> o'clock of a Helsinki day; moving back fails the test.</summary>
    public void MoveTo(DateOnly day, int hour = 12)
    {
        var to = HelsinkiTime.StartUtc(day).AddHours(hour);
        Assert.True(to >= Clock.GetUtcNow().UtcDateTime, "The clock only moves forward.");
        Clock.SetUtcNow(new DateTimeOffset(to, TimeSpan.Zero));
    }

    public async Task<int> RunWarningsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestWarnings>().RunAsync();
    }
}
