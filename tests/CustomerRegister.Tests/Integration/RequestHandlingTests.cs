using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The last of issue 15 on the API: the acknowledgement at intake, the letter before a restriction is lifted, withdrawal,
/// rectification of organisation, contact-person and bank fields, and long work in the background.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RequestHandlingTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    [Fact]
    public async Task EveryRequestIsAcknowledgedAtIntakeByEmailOrMarkedToBePosted()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var email = $"ack.{Guid.NewGuid():N}@example.se";
        var created = await dpo.Client.CreateRequestAsync(new
        {
            type = "Erasure", channel = "Letter", requesterName = "Sara Svensson", requesterEmail = email, language = "sv",
        });

        var ack = Assert.Single(app.MailTo(email));
        Assert.Equal("Begäran om radering", ack.Subject);
        Assert.StartsWith("Hej Sara Svensson,", ack.TextBody, StringComparison.Ordinal);
        var due = DateOnly.Parse(created.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Vi svarar senast den {due.Day}.{due.Month}.{due.Year}.", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dataombudsmannens byrå", ack.TextBody, StringComparison.Ordinal);
        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{created.Id()}");
        Assert.Contains(read.GetProperty("actions").EnumerateArray(),
            a => a.GetProperty("action").GetString() == "acknowledged" && a.GetProperty("note").GetString() == "email");

        // No email: nothing mailed, the action log says the acknowledgement is to be posted.
        var phone = await dpo.Client.CreateRequestAsync(new { type = "Access", channel = "Phone", requesterName = "Pekka Puhelin", requesterPhone = "040 123 4567" });
        var actions = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{phone.Id()}")).GetProperty("actions");
        Assert.Contains(actions.EnumerateArray(),
            a => a.GetProperty("action").GetString() == "acknowledged" && a.GetProperty("note").GetString() == "post");
    }

    [Fact]
    public async Task AWebFormRequestIsAcknowledgedOnlyOnceItsEmailIsConfirmed()
    {
        var email = $"ackweb.{Guid.NewGuid():N}@example.fi";
        await app.Anonymous().PostAsJsonAsync("/api/public/requests", new { type = "Access", name = "Liisa Lomake", email, language = "fi" });
        var confirmation = Assert.Single(app.MailTo(email));
        var token = System.Text.RegularExpressions.Regex.Match(confirmation.TextBody ?? "", "token=([A-Za-z0-9_-]+)").Groups[1].Value;

        await app.Anonymous().PostAsJsonAsync("/api/public/requests/confirm", new { token });

        var mails = app.MailTo(email);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("Vastaamme siihen viimeistään", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePersonIsToldByLetterBeforeTheRestrictionIsLiftedWithTheReason()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var subjectId = (await dpo.Client.CreateConsumerAsync(new { firstName = "Raili", lastName = "Rajoitettu", source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var email = $"lift.{Guid.NewGuid():N}@example.fi";
        var id = (await dpo.Client.CreateRequestAsync(new
        {
            type = "Restriction", channel = "Letter", requesterName = "Raili Rajoitettu", requesterEmail = email, subjectId,
        })).Id();
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await dpo.Client.StepAsync(id, "start");
        await dpo.Client.StepAsync(id, "restrict", new { ground = "AccuracyContested" });
        Assert.Equal(2, app.MailTo(email).Count); // the acknowledgement and the answer

        var noReason = await dpo.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/processing-limits/lift", new { kind = "Restriction" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(2, app.MailTo(email).Count); // a refused lift tells nobody anything

        var lifted = await dpo.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/processing-limits/lift",
            new { kind = "Restriction", reason = "Tarkistimme osoitteesi väestötietojärjestelmästä: se oli oikein." });
        Assert.Equal(System.Net.HttpStatusCode.OK, lifted.StatusCode);

        var letter = Assert.Single(app.MailTo(email), m => (m.TextBody ?? "").Contains("Rajoitus päättyy", StringComparison.Ordinal)).TextBody!;
        Assert.StartsWith("Hei Raili Rajoitettu,", letter, StringComparison.Ordinal);
        Assert.Contains("Syy: Tarkistimme osoitteesi väestötietojärjestelmästä: se oli oikein.", letter, StringComparison.Ordinal);
        Assert.Contains("Tietosuojavaltuutetun toimisto", letter, StringComparison.Ordinal);
        var actions = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("note").GetString())).ToList();
        Assert.Contains(("lift_announced", "email"), actions);
        var limit = Assert.Single((await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/processing-limits")).EnumerateArray());
        Assert.Equal(JsonValueKind.String, limit.GetProperty("liftedAt").ValueKind);
    }
}
