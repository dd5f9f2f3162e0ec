using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class RequestDeadlineClockTests(ClockFactory app) : IClassFixture<ClockFactory>
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
        var listed = Assert.Single((await dpo.Client.GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray(), r => r.Id() == id);
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
        var late = Assert.Single((await reader.Client.GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray(), r => r.Id() == id);
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

/// <summary>The register on a clock that starts at 00:30 on Sunday 31.1.2027 in Helsinki (still 30.1 in UTC).</summary>
public sealed class ReceiptDayClockFactory() : ClockFactory(new DateTimeOffset(2027, 1, 30, 22, 30, 0, TimeSpan.Zero));

[Trait(Category.Name, Category.Integration)]
public sealed class RequestExtensionClockTests(ReceiptDayClockFactory app) : IClassFixture<ReceiptDayClockFactory>
{
    [Fact]
    public async Task AnExtensionEndsThreeMonthsAfterTheDayOfReceiptMovedOnceToAWorkingDay()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"ext31.{Guid.NewGuid():N}@example.fi";
        var created = await dpo.Client.CreateRequestAsync(RequestData.Intake(email: email));
        var id = created.Id();

        // Received on Sunday 31.1.2027 (Helsinki): the month ends Sun 28.2., so the answer is due Mon 1.3.2027.
        Assert.Equal("2027-03-01", created.GetProperty("dueDate").GetString());

        app.MoveTo(new DateOnly(2027, 2, 15));
        var handler = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var extended = await handler.Client.StepAsync(id, "extend", new { months = 2, reason = "Tiedot monessa arkistojärjestelmässä." });

        // Three months from receipt: Fri 30.4.2027 — not 1.3. + 2 months = Sat 1.5. (May Day) → Mon 3.5.
        Assert.Equal("2027-04-30", extended.GetProperty("dueDate").GetString());
        Assert.Equal("2027-03-01", extended.GetProperty("originalDueDate").GetString());
        var letter = extended.GetProperty("extension").GetProperty("letter").GetString()!;
        Assert.Contains("31.1.2027", letter);
        Assert.Contains("vastaamme viimeistään 30.4.2027.", letter);
        Assert.DoesNotContain("3.5.2027", letter);
        // The acknowledgement at intake named the original date; the extension letter the new one.
        var mails = app.MailTo(email);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("Vastaamme siihen viimeistään 1.3.2027.", StringComparison.Ordinal));
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("vastaamme viimeistään 30.4.2027.", StringComparison.Ordinal));

        // Warnings follow the extended date: none near the original one, one within the warning days of 30.4.
        app.MoveTo(new DateOnly(2027, 2, 26));
        Assert.Equal(0, await app.RunWarningsAsync());
        app.MoveTo(new DateOnly(2027, 4, 26));
        Assert.Equal(1, await app.RunWarningsAsync());
        var warning = Assert.Single(app.MailTo("dpo@register.test"), m => m.Subject?.Contains(id.ToString(), StringComparison.Ordinal) == true);
        Assert.Contains("due in 4 day(s)", warning.Subject);
        Assert.Contains("Due date: 2027-04-30", warning.TextBody);

        var reader = await app.CreateUserAsync(Roles.CustomerService);
        var listed = Assert.Single((await reader.Client.GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").EnumerateArray(), r => r.Id() == id);
        Assert.Equal(4, listed.GetProperty("daysLeft").GetInt32());
        Assert.False(listed.GetProperty("overdue").GetBoolean());
    }
}
