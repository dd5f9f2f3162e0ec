using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed partial class PublicRequestsTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private static object Form(string email, string language = "fi", string type = "Access") => new
    {
        type,
        name = "Liisa Lomake",
        email,
        text = "Mitä tietoja teillä on minusta?",
        language,
    };

    [GeneratedRegex(@"confirm\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task TheFormValidatesAndNamesTheFields()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/public/requests", new { text = new string('x', 4001), language = "de" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "type", "name", "email", "text", "language" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task TheConfirmationLinkIsMailedInTheChosenLanguageAndWorksOnce()
    {
        var email = $"liisa.{Guid.NewGuid():N}@example.fi";

        var response = await app.Anonymous().PostAsJsonAsync("/api/public/requests", Form(email, "sv", "Erasure"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = Assert.Single(app.MailTo(email));
        Assert.Equal("Bekräfta din begäran", mail.Subject);
        Assert.Equal("sv", mail.Body?.Headers[MimeKit.HeaderId.ContentLanguage]);
        Assert.Contains("begäran om radering", mail.TextBody);
        var token = TokenPattern().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.NotEmpty(token);

        var email1 = email.Replace("'", "''", StringComparison.Ordinal);
        var stored = Assert.IsType<byte[]>(await app.Database.ScalarAsync($"SELECT email_token_hash FROM data_subject_requests WHERE requester_email = '{email1}'"));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), stored);
        Assert.DoesNotContain(token, Convert.ToBase64String(stored), StringComparison.Ordinal);
        Assert.Equal("Received", await app.Database.ScalarAsync($"SELECT state FROM data_subject_requests WHERE requester_email = '{email1}'"));

        var confirm = await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Tack", await confirm.Content.ReadAsStringAsync());
        Assert.Equal("EmailConfirmed", await app.Database.ScalarAsync($"SELECT state FROM data_subject_requests WHERE requester_email = '{email1}'"));
        Assert.IsType<DBNull>(await app.Database.ScalarAsync($"SELECT email_token_hash FROM data_subject_requests WHERE requester_email = '{email1}'"));

        var twice = await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token });
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        var forged = await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token = "not-a-real-token" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task AWebFormRequestIsMatchedOnlyAfterConfirmationAndNeverAutomatically()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"liisa.{Guid.NewGuid():N}@example.fi";
        var subjectId = (await dpo.Client.CreateConsumerAsync(new { firstName = "Liisa", lastName = "Lomake", email, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        await app.Anonymous().PostAsJsonAsync("/api/public/requests", Form(email));
        var id = Guid.Parse((string)(await app.Database.ScalarAsync(
            $"SELECT CAST(id AS TEXT) FROM data_subject_requests WHERE requester_email = '{email}'"))!);

        var early = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/match", new { subjectId });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(early)).TryGetProperty("state", out _));

        var token = TokenPattern().Match(Assert.Single(app.MailTo(email)).TextBody ?? "").Groups[1].Value;
        await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token });
        var matched = await dpo.Client.StepAsync(id, "match", new { subjectId });
        Assert.Equal("Matched", matched.State());
        Assert.Equal("WebForm", matched.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task OpeningTheLinkConfirmsNothingItsPagesButtonConfirmsWithAntiforgery()
    {
        var email = $"liisa.{Guid.NewGuid():N}@example.fi";
        await app.Anonymous().PostAsJsonAsync("/api/public/requests", Form(email, "en"));
        var body = Assert.Single(app.MailTo(email)).TextBody ?? "";
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        var client = app.Anonymous();

        // What a mail scanner does: follow the link, and the old API link too.
        var opened = await client.GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.Contains("Confirm request", html);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/api/public/requests/confirm?token={link.Groups[1].Value}")).StatusCode);
        Assert.Equal("Received", await StateAsync(email));

        // A post without the antiforgery token is refused and changes nothing.
        var forged = await client.PostAsync("/rights/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = link.Groups[1].Value }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Received", await StateAsync(email));

        var antiforgery = AntiforgeryPattern().Match(html).Groups[1].Value;
        var confirmed = await client.PostAsync("/rights/confirm?culture=en", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = link.Groups[1].Value,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("EmailConfirmed", await StateAsync(email));
    }

    [GeneratedRegex(@"/rights/confirm\?token=([A-Za-z0-9_\-]+)&culture=en")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    private async Task<object?> StateAsync(string email) =>
        await app.Database.ScalarAsync($"SELECT state FROM data_subject_requests WHERE requester_email = '{email}'");

    [Theory]
    [InlineData("fi", "Tietosuojaoikeudet")]
    [InlineData("sv", "Dataskyddsrättigheter")]
    [InlineData("en", "Your data-protection rights")]
    public async Task TheRightsPageIsPublicInThreeLanguages(string culture, string title)
    {
        var page = await app.Anonymous().GetAsync($"/rights?culture={culture}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("name=\"language\" value=\"" + culture + "\"", html);
        Assert.Contains("tietosuoja.fi", html);
    }
}

/// <summary>A register whose public form accepts only two submissions per window.</summary>
public sealed class TightRateLimitFactory : RequestsFactory
{
    protected override int PublicPermitLimit => 2;
}

[Trait(Category.Name, Category.Integration)]
public sealed class PublicRequestsRateLimitTests(TightRateLimitFactory app) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task SubmissionsBeyondTheLimitAreRefusedWith429()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "A", email = $"a{i}@example.fi" });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "A", email = "a3@example.fi" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rights")).StatusCode);
    }
}

/// <summary>A register whose public form takes three submissions an hour from all addresses together, on a clock the test moves.</summary>
public sealed class GlobalCapFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Requests:PublicGlobalPerHour", "3");
    }
}

[Trait(Category.Name, Category.Integration)]
public sealed class PublicRequestsGlobalCapTests(GlobalCapFactory app) : IClassFixture<GlobalCapFactory>
{
    [Fact]
    public async Task BeyondTheHourlyCapForAllAddressesTheFormAnswers429UntilTheHourHasPassed()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "A", email = $"cap{i}@example.fi" });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "A", email = "cap3@example.fi" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync("SELECT COUNT(*) FROM data_subject_requests WHERE requester_email = 'cap3@example.fi'")));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await client.PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "A", email = "cap3@example.fi" });
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
    }
}
