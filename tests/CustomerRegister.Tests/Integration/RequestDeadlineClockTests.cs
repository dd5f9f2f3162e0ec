using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register on a clock the test moves (forward only).</summary>
public sealed class MovableClockFactory : RequestsFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<int> RunWarningsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestWarnings>().RunAsync();
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class RequestDeadlineClockTests(MovableClockFactory app) : IClassFixture<MovableClockFactory>
{
    private static DateOnly DateOf(JsonElement e, string property) =>
        DateOnly.Parse(e.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OverdueRequestsAreFlaggedAndTheWarningJobWritesOneWarningPerRequestPerDay()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var handler = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var request = await dpo.Client.CreateRequestAsync(RequestData.Intake());
        var id = request.Id();
        var assigned = await dpo.Client.PutAsJsonAsync($"/api/requests/{id}/assignee", new { userId = handler.Id });
        Assert.True(assigned.IsSuccessStatusCode);
        var due = DateOf(request, "dueDate");
        var listed = Assert.Single((await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests")).EnumerateArray(), r => r.Id() == id);
        Assert.False(listed.GetProperty("overdue").GetBoolean());
        Assert.True(listed.GetProperty("daysLeft").GetInt32() >= 28);

        await app.RunWarningsAsync();
        Assert.Empty(app.MailTo(handler.Email));

        // Three days before the due date, at noon in Helsinki.
        MoveTo(due.AddDays(-3));
        Assert.True(await app.RunWarningsAsync() >= 1);
        await app.RunWarningsAsync();
        var warnings = app.MailTo(handler.Email);
        var warning = Assert.Single(warnings);
        Assert.Contains(id.ToString(), warning.Subject);
        Assert.DoesNotContain("Maija", warning.TextBody);

        MoveTo(due.AddDays(-2));
        await app.RunWarningsAsync();
        Assert.Equal(2, app.MailTo(handler.Email).Count);

        MoveTo(due.AddDays(2));
        var reader = await app.CreateUserAsync(Roles.CustomerService);
        var late = Assert.Single((await reader.Client.GetFromJsonAsync<JsonElement>("/api/requests")).EnumerateArray(), r => r.Id() == id);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(-2, late.GetProperty("daysLeft").GetInt32());

        // Too late to extend: the requester had to be told within the first month.
        var extend = await (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client
            .PostAsJsonAsync($"/api/requests/{id}/extend", new { reason = "Complex." });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, extend.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(extend)).TryGetProperty("dueDate", out _));
        await app.RunWarningsAsync();
        var all = app.MailTo(handler.Email);
        Assert.Equal(3, all.Count);
        Assert.Contains(all, m => m.Subject?.Contains("OVERDUE", StringComparison.Ordinal) == true);

        var actions = (await reader.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("actions").EnumerateArray();
        Assert.Equal(3, actions.Count(a => a.GetProperty("action").GetString() == RequestWarnings.WarningAction));
    }

    private void MoveTo(DateOnly helsinkiDate)
    {
        var target = HelsinkiTime.StartUtc(helsinkiDate).AddHours(12);
        if (target > app.Clock.GetUtcNow().UtcDateTime)
        {
            app.Clock.SetUtcNow(new DateTimeOffset(target, TimeSpan.Zero));
        }
    }
}
