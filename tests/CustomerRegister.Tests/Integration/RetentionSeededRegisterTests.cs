using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>A whole seeded register: every person has an end, and one sweep leaves nothing due behind it.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionSeededRegisterTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    [Fact]
    public async Task EverySeededPersonHasADueDateOrANamedHoldAndOneSweepConverges()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "11"], app.Services, output));
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjects = new List<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            subjects.AddRange(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Subjects.Subject>().Where(s => s.Kind != Subjects.SubjectKind.Anonymised).Select(s => s.Id)));
        }

        Assert.Equal(300, subjects.Count);
        var collection = 0;
        foreach (var subject in subjects)
        {
            var status = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subject}/retention");
            var held = status.GetProperty("heldBecause").GetArrayLength();
            Assert.True(status.GetProperty("dueDate").ValueKind != JsonValueKind.Null || held > 0, $"no end and no hold: {status}");
            collection += status.GetProperty("heldBecause").EnumerateArray().Any(h => h.GetString() == "collection-case") ? 1 : 0;
        }

        // The preview names the same holds.
        var preview = await dpo.Client.GetFromJsonAsync<JsonElement>("/api/retention/preview");
        var line = preview.GetProperty("lines").EnumerateArray()
            .SingleOrDefault(l => l.GetProperty("reason").GetString()!.StartsWith("collection", StringComparison.Ordinal));
        Assert.Equal(collection, line.ValueKind == JsonValueKind.Undefined ? 0 : line.GetProperty("held").GetInt64());

        // Three years on, one sweep removes what is due, and a second one right after finds nothing more.
        app.MoveTo(app.Today.AddYears(3));
        var first = await app.SweepAsync();
        Assert.True(first.GetProperty("deleted").GetInt64() > 0);
        var second = await app.SweepAsync();
        Assert.Equal(0L, second.GetProperty("deleted").GetInt64());
    }
}
