using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>The identity code on a scrapping certificate leaves after its period while the certificate stays (clock moved).</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class IdentityCodeExpiryTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheCodeIsKeptThroughDay90AndEmptiedByTheSweepOnDay91WhileTheCertificateStays()
    {
        var issued = HelsinkiTime.Today(app.Clock);
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(VehicleCertificatesTests.Owner("Romuttaja"));
        var code = VehicleCertificatesTests.NewIdentityCode();
        var certificate = await VehicleCertificatesTests.IssueAsync(reception.Client,
            VehicleCertificatesTests.Certificate(owner.GetProperty("id").GetGuid(), code, issueDate: Iso(issued)));
        var id = certificate.GetProperty("id").GetGuid();
        var literal = app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

        // Day 90: kept, also after a sweep; the preview names what day 91's sweep empties.
        MoveTo(issued.AddDays(90));
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.VehicleReception);
        await SweepAsync(dpo.Client);
        Assert.Equal(PersonalCode(code), (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/vehicles/certificates/{id}")).GetProperty("identityCode").GetString());
        Assert.Equal(HttpStatusCode.OK, (await RevealAsync(dpo.Client, id)).StatusCode);
        Assert.Null(Line(await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={Iso(issued.AddDays(90))}")));
        var ahead = Line(await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={Iso(issued.AddDays(91))}"));
        Assert.NotNull(ahead);
        Assert.Equal(1, ahead.Value.GetProperty("due").GetInt64());
        Assert.Contains("Tietosuojalaki", ahead.Value.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Day 91: the sweep empties the cipher, the keyed hash and the mask; the certificate stays with its other fields.
        MoveTo(issued.AddDays(91));
        dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.VehicleReception);
        var run = await SweepAsync(dpo.Client);
        var line = Line(run);
        Assert.NotNull(line);
        Assert.Equal(1, line.Value.GetProperty("due").GetInt64());
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM scrapping_certificates WHERE id = '{literal}' "
            + "AND identity_code_cipher IS NULL AND identity_code_lookup IS NULL AND identity_code_masked IS NULL")));

        var read = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/vehicles/certificates/{id}");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("identityCode").ValueKind);
        foreach (var field in new[] { "certificateNumber", "issueDate", "registrationNumber", "vin", "make", "model", "vehicleClass" })
        {
            Assert.Equal(certificate.GetProperty(field).GetString(), read.GetProperty(field).GetString());
        }

        Assert.Equal("FI", read.GetProperty("owner").GetProperty("nationality").GetString());
        Assert.Equal("Matti Romuttaja", read.GetProperty("owner").GetProperty("name").GetString());
        var reveal = await RevealAsync(dpo.Client, id);
        Assert.Equal(HttpStatusCode.Conflict, reveal.StatusCode);
        Assert.Contains("No identity code is kept", (await RegisterData.ErrorsOf(reveal)).GetProperty("identityCode")[0].GetString());

        // The deletion log says what was emptied, by which rule; no value.
        var runs = await dpo.Client.GetStringAsync("/api/retention/runs?limit=1");
        using var log = JsonDocument.Parse(runs);
        Assert.Contains(log.RootElement[0].GetProperty("lines").EnumerateArray(), l => l.GetProperty("table").GetString() == "scrapping_certificates"
            && l.GetProperty("rule").GetString() == "identity-code-on-certificate" && l.GetProperty("action").GetString() == "emptied"
            && l.GetProperty("categories").GetString() == "identity.personal_identity_code" && l.GetProperty("count").GetInt64() == 1);
        Assert.DoesNotContain(code[..7], runs, StringComparison.Ordinal);

        // A second sweep finds nothing more to empty.
        Assert.Null(Line(await SweepAsync(dpo.Client)));
    }

    private static string PersonalCode(string code) => code[..7] + "****";

    private static JsonElement? Line(JsonElement result) =>
        result.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("rule").GetString() == "identity-code-on-certificate")
            .Select(l => (JsonElement?)l).FirstOrDefault();

    private static async Task<JsonElement> SweepAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/retention/run", new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> RevealAsync(HttpClient client, Guid id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/vehicles/certificates/{id}?reveal=identityCode");
        request.Headers.Add("X-Purpose", "legal_obligation");
        return client.SendAsync(request);
    }

    private void MoveTo(DateOnly helsinkiDate) =>
        app.Clock.SetUtcNow(new DateTimeOffset(HelsinkiTime.StartUtc(helsinkiDate).AddHours(12), TimeSpan.Zero));
}
