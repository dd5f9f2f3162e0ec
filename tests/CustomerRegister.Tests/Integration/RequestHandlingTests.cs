using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
            type = "Erasure",
            channel = "Letter",
            requesterName = "Sara Svensson",
            requesterEmail = email,
            language = "sv",
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
            type = "Restriction",
            channel = "Letter",
            requesterName = "Raili Rajoitettu",
            requesterEmail = email,
            subjectId,
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

    /// <summary>A valid new value per offered column, as a handler types it on the page.</summary>
    private static readonly Dictionary<string, string> NewValues = new(StringComparer.Ordinal)
    {
        ["first_name"] = "Saara",
        ["last_name"] = "Korjattu",
        ["street"] = "Uusitie 2",
        ["postal_code"] = "33100",
        ["city"] = "Tampere",
        ["phone"] = "040 111 2233",
        ["email"] = "korjattu@example.fi",
        ["bank_account"] = "FI4950009420028730",
        ["title"] = "Hankintapäällikkö",
        ["position"] = "Johto",
        ["name"] = "Korjattu Toiminimi",
        ["business_id"] = "2454125-8",
        ["start_date"] = "1.2.2024",
        ["end_date"] = "31.12.2026",
    };

    [Fact]
    public async Task EveryValueThePageOffersToRectifyIsTakenByTheRulesWithBeforeAndAfter()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var created = await service.Client.CreateConsumerAsync(new { firstName = "Aino", lastName = "Alku", phone = "040 999 8877", source = "Consumer" });
        var consumer = created.GetProperty("subjectId").GetGuid();
        var billing = await app.CreateUserAsync(Roles.Billing);
        Assert.True((await billing.Client.PutAsJsonAsync($"/api/consumers/{created.Id()}/bank-account",
            new { bankAccount = "FI2112345600000785", version = created.GetProperty("version").GetInt64() })).IsSuccessStatusCode);
        await PostAsync(service.Client, "/api/relationships", new { subjectId = consumer, customerNumber = $"R-{Guid.NewGuid():N}"[..12], startDate = "2024-02-03", source = "Consumer" });
        var organisation = await PostAsync(service.Client, "/api/organisations",
            new { name = "Metalli Oy", businessId = "1572860-0", source = "PublicSources" });
        var contact = (await PostAsync(service.Client, $"/api/organisations/{organisation.Id()}/contacts",
            new { firstName = "Sanna", lastName = "Öberg", title = "Talouspäällikkö", source = "CustomerOrganisation" })).GetProperty("subjectId").GetGuid();
        var trader = (await PostAsync(service.Client, "/api/organisations",
            new { name = "Toiminimi Taisto", businessId = "0737546-2", isSoleTrader = true, source = "Consumer" })).GetProperty("subjectId").GetGuid();

        using var scope = app.Services.CreateScope();
        var targets = scope.ServiceProvider.GetRequiredService<CustomerRegister.Requests.RectificationTargets>();
        foreach (var (subjectId, tables) in new[] { (consumer, new[] { "consumers", "customer_relationships" }), (contact, ["contact_persons"]), (trader, ["organisations"]) })
        {
            var offered = await targets.OfAsync(subjectId, default);
            Assert.Equal(tables.OrderBy(t => t), offered.Select(t => t.Table).Distinct().OrderBy(t => t));
            var id = (await dpo.Client.CreateRequestAsync(new { type = "Rectification", channel = "Letter", requesterName = "Pyytäjä", subjectId })).Id();
            await dpo.Client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
            var version = (await dpo.Client.StepAsync(id, "start")).GetProperty("version").GetInt64();
            foreach (var target in offered)
            {
                var response = await dpo.Client.PostAsJsonAsync($"/api/requests/{id}/rectify", new
                {
                    changes = new[] { new { table = target.Table, rowId = target.RowId.ToString(), field = target.Field, value = NewValues[target.Field] } },
                    version,
                });
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{target.Table}.{target.Field}: {body}");
                version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64();
            }

            var changes = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("rectifications").EnumerateArray().ToList();
            Assert.Equal(offered.Count, changes.Count);
            if (subjectId == consumer)
            {
                var bank = Assert.Single(changes, c => c.GetProperty("field").GetString() == "bank_account");
                Assert.DoesNotContain("12345600000785", bank.GetProperty("before").GetString()!, StringComparison.Ordinal); // masked
                Assert.Equal("2024-02-01", Assert.Single(changes, c => c.GetProperty("field").GetString() == "start_date").GetProperty("after").GetString());
            }
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
