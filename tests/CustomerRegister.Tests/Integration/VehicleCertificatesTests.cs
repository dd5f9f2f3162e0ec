using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed class VehicleCertificatesTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    public static object Owner(string last = "Virtanen") => new
    {
        firstName = "Matti",
        lastName = last,
        street = "Satamakatu 7",
        postalCode = "33200",
        city = "Tampere",
        source = "Consumer",
    };

    /// <summary>A valid code unique to the test, so look-ups in the shared database see only this test's data.</summary>
    public static string NewIdentityCode() =>
        PersonalIdentityCode.Create(new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20000)), Random.Shared.Next(2, 900)).Value;

    private static string NewNumber() => "RT-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string NewRegistration() => "ZX" + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(100, 999);

    public static object Certificate(Guid consumerId, string identityCode, string? number = null, string? registration = null,
        string vin = "WVWZZZ1JZXW000001", string? issueDate = "2025-06-02", string? nationality = "fi") => new
        {
            certificateNumber = number ?? NewNumber(),
            issueDate,
            registrationNumber = registration ?? NewRegistration(),
            vin,
            make = "Volkswagen",
            model = "Golf",
            vehicleClass = "m1",
            consumerId,
            identityCode,
            nationality,
            source = "Consumer",
        };

    public static async Task<JsonElement> IssueAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/vehicles/certificates", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string IdLiteral(Guid id) => app.Database.Provider == Data.DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();

    [Fact]
    public async Task TheIdentityCodeIsEncryptedAtRestAndShownMasked()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Owner());

        var certificate = await IssueAsync(reception.Client, Certificate(owner.GetProperty("id").GetGuid(), "131052-308T"));

        Assert.Equal("131052-****", certificate.GetProperty("identityCode").GetString());
        Assert.False(certificate.GetProperty("identityCodeRevealed").GetBoolean());
        Assert.Equal("M1", certificate.GetProperty("vehicleClass").GetString());
        Assert.Equal("FI", certificate.GetProperty("owner").GetProperty("nationality").GetString());
        Assert.Equal("Matti Virtanen", certificate.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(owner.GetProperty("subjectId").GetGuid(), certificate.GetProperty("subjectId").GetGuid());

        var id = IdLiteral(certificate.GetProperty("id").GetGuid());
        var cipher = Assert.IsType<byte[]>(await app.Database.ScalarAsync($"SELECT identity_code_cipher FROM scrapping_certificates WHERE id = '{id}'"));
        Assert.True(cipher.Length > 16);
        Assert.DoesNotContain("308T", Encoding.UTF8.GetString(cipher), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes("131052-308T")), Convert.ToHexString(cipher), StringComparison.Ordinal);
        var lookup = Assert.IsType<byte[]>(await app.Database.ScalarAsync($"SELECT identity_code_lookup FROM scrapping_certificates WHERE id = '{id}'"));
        Assert.Equal(32, lookup.Length);
        Assert.Equal("131052-****", await app.Database.ScalarAsync($"SELECT identity_code_masked FROM scrapping_certificates WHERE id = '{id}'"));

        var read = await reception.Client.GetFromJsonAsync<JsonElement>($"/api/vehicles/certificates/{certificate.GetProperty("id").GetGuid()}");
        Assert.Equal("131052-****", read.GetProperty("identityCode").GetString());
    }

    [Theory]
    [InlineData("131052-308U", "check character")]
    [InlineData("310252-308T", "not a real date")]
    [InlineData("131052-001W", "001")]
    [InlineData("131052Z308T", "century sign")]
    public async Task AnInvalidIdentityCodeIsRefusedWithThePreciseReasonWithoutEchoingIt(string code, string reason)
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Owner());

        var response = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates",
            Certificate(owner.GetProperty("id").GetGuid(), code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        var message = string.Join(" ", errors.GetProperty("identityCode").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(reason, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code, await response.Content.ReadAsStringAsync());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task AnInvalidCertificateIsRefusedNamingEachField()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);

        var response = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates", new
        {
            certificateNumber = "",
            registrationNumber = "ABC_123",
            vin = "WVWZZZ1JZXW00000O",
            vehicleClass = "X9",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        foreach (var field in new[] { "certificateNumber", "registrationNumber", "vin", "make", "model", "vehicleClass", "consumerId", "identityCode", "nationality", "source" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named: {errors}");
        }

        Assert.Contains("I, O or Q", errors.GetProperty("vin")[0].GetString());
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("", "Required")]
    [InlineData("XX", "ISO 3166-1")]
    [InlineData("FIN", "ISO 3166-1")]
    public async Task ACertificateWithoutAValidOwnerNationalityIsRefusedNamingIt(string? nationality, string reason)
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Owner());
        var number = NewNumber();

        var response = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates",
            Certificate(owner.GetProperty("id").GetGuid(), NewIdentityCode(), number, nationality: nationality));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await RegisterData.ErrorsOf(response);
        Assert.Contains(reason, errors.GetProperty("nationality")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(0L, Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM scrapping_certificates WHERE certificate_number = '{number}'")));
    }

    [Fact]
    public async Task RecordingTheDeregistrationEmptiesTheIdentityCodeAtOnceAndKeepsTheCertificate()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var owner = await reception.Client.CreateConsumerAsync(Owner());
        var code = NewIdentityCode();
        var issued = await IssueAsync(reception.Client, Certificate(owner.GetProperty("id").GetGuid(), code, nationality: "ee"));
        var id = issued.GetProperty("id").GetGuid();
        var path = $"/api/vehicles/certificates/{id}/deregistration";

        var missing = await reception.Client.PostAsJsonAsync(path, new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = await RegisterData.ErrorsOf(missing);
        Assert.True(errors.TryGetProperty("deregisteredOn", out _) && errors.TryGetProperty("version", out _), errors.ToString());
        var early = await reception.Client.PostAsJsonAsync(path, new { deregisteredOn = "2025-06-01", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(early)).TryGetProperty("deregisteredOn", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.Client.PostAsJsonAsync(path, new { deregisteredOn = "2025-06-03", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reception.Client.PostAsJsonAsync(path, new { deregisteredOn = "2025-06-03", version = 7 })).StatusCode);

        var recorded = await reception.Client.PostAsJsonAsync(path, new { deregisteredOn = "2025-06-03", version = 1 });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var body = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("identityCode").ValueKind);
        Assert.Equal("2025-06-03", body.GetProperty("deregisteredOn").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt64());
        Assert.Equal(issued.GetProperty("vin").GetString(), body.GetProperty("vin").GetString());
        Assert.Equal("EE", body.GetProperty("owner").GetProperty("nationality").GetString());
        var literal = IdLiteral(id);
        Assert.Equal(1L, Convert.ToInt64(await app.Database.ScalarAsync($"SELECT COUNT(*) FROM scrapping_certificates WHERE id = '{literal}' "
            + "AND identity_code_cipher IS NULL AND identity_code_lookup IS NULL AND identity_code_masked IS NULL AND certificate_number <> ''")));

        // Nothing to reveal or find any more; a second recording is refused.
        var reveal = await Reveal(reception.Client, id, "legal_obligation");
        Assert.Equal(HttpStatusCode.Conflict, reveal.StatusCode);
        Assert.Contains("No identity code is kept", (await RegisterData.ErrorsOf(reveal)).GetProperty("identityCode")[0].GetString());
        var found = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates/find-by-identity-code", new { identityCode = code });
        Assert.Empty((await found.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await reception.Client.PostAsJsonAsync(path, new { deregisteredOn = "2025-06-03", version = 2 })).StatusCode);

        // The audit event names the categories, never the value.
        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={owner.GetProperty("subjectId").GetGuid()}&limit=500");
        var recordedEvent = Assert.Single(trail.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "vehicle.certificate.deregistration");
        Assert.Contains("identity.personal_identity_code", recordedEvent.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain(code, trail.GetRawText());
        Assert.DoesNotContain(code[..7], trail.GetRawText());
    }

    [Fact]
    public async Task ADuplicateCertificateNumberAnswers409NamingTheField()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var ownerId = (await reception.Client.CreateConsumerAsync(Owner())).GetProperty("id").GetGuid();
        var number = NewNumber();
        await IssueAsync(reception.Client, Certificate(ownerId, NewIdentityCode(), number));

        var duplicate = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates", Certificate(ownerId, NewIdentityCode(), number));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(duplicate)).TryGetProperty("certificateNumber", out _));
    }

    [Fact]
    public async Task AnUnknownCertificateAnswers404()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);

        Assert.Equal(HttpStatusCode.NotFound, (await reception.Client.GetAsync($"/api/vehicles/certificates/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task RevealingTheIdentityCodeNeedsThePermissionAndTheLegalObligationPurposeAndIsAudited()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var owner = await reception.Client.CreateConsumerAsync(Owner());
        var code = NewIdentityCode();
        var id = (await IssueAsync(reception.Client, Certificate(owner.GetProperty("id").GetGuid(), code))).GetProperty("id").GetGuid();

        var revealed = await Reveal(reception.Client, id, "legal_obligation");
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var body = await revealed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("identityCode").GetString());
        Assert.True(body.GetProperty("identityCodeRevealed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await Reveal(dpo.Client, id, "legal_obligation")).StatusCode);

        var noPurpose = await Reveal(reception.Client, id, null);
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(noPurpose)).TryGetProperty("X-Purpose", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await Reveal(reception.Client, id, "customer_relationship")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reveal(service.Client, id, "legal_obligation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.GetAsync($"/api/vehicles/certificates/{id}")).StatusCode);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={owner.GetProperty("subjectId").GetGuid()}&limit=500");
        var reveals = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "vehicle.certificate.reveal").ToList();
        Assert.Contains(reveals, e => e.GetProperty("actorId").GetGuid() == reception.Id && e.GetProperty("purpose").GetString() == "legal_obligation"
            && e.GetProperty("fields").EnumerateArray().Single().GetString() == "identity_code");
        Assert.Contains(reveals, e => e.GetProperty("actorId").GetGuid() == dpo.Id);
        Assert.DoesNotContain(code, trail.GetRawText());
    }

    [Fact]
    public async Task TheOwnersCertificatesAreFoundByTheExactIdentityCode()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var owner = await reception.Client.CreateConsumerAsync(Owner());
        var ownerId = owner.GetProperty("id").GetGuid();
        var code = NewIdentityCode();
        await IssueAsync(reception.Client, Certificate(ownerId, code));
        await IssueAsync(reception.Client, Certificate(ownerId, code.ToLowerInvariant()));
        await IssueAsync(reception.Client, Certificate(ownerId, NewIdentityCode()));

        var response = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates/find-by-identity-code", new { identityCode = code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(2, found.Count);
        Assert.All(found, c => Assert.Equal(PersonalIdentityCode.Parse(code).Masked(), c.GetProperty("identityCode").GetString()));
        Assert.DoesNotContain(code, await response.Content.ReadAsStringAsync());

        var invalid = await reception.Client.PostAsJsonAsync("/api/vehicles/certificates/find-by-identity-code", new { identityCode = "131052-308U" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(invalid)).TryGetProperty("identityCode", out _));

        Assert.Equal(HttpStatusCode.Forbidden,
            (await dpo.Client.PostAsJsonAsync("/api/vehicles/certificates/find-by-identity-code", new { identityCode = code })).StatusCode);

        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={owner.GetProperty("subjectId").GetGuid()}&limit=500");
        Assert.Equal(2, trail.GetProperty("items").EnumerateArray()
            .Count(e => e.GetProperty("action").GetString() == "vehicle.certificate.find_by_identity_code"));
        Assert.DoesNotContain(code, trail.GetRawText());
    }

    [Fact]
    public async Task SearchingByTheRegistrationNumberFindsTheOwnerAlsoAfterTheProfileChanges()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var owner = await reception.Client.CreateConsumerAsync(Owner("Registerinen"));
        var ownerId = owner.GetProperty("id").GetGuid();
        var registration = NewRegistration();
        await IssueAsync(reception.Client, Certificate(ownerId, NewIdentityCode(), registration: registration.ToLowerInvariant()));

        var hits = await reception.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(registration)}");
        var hit = Assert.Single(hits.EnumerateArray(), h => h.GetProperty("id").GetGuid() == ownerId);
        Assert.Contains("registration", hit.GetProperty("matchedFields").EnumerateArray().Select(f => f.GetString()));

        var update = await reception.Client.PutAsJsonAsync($"/api/consumers/{ownerId}", new { firstName = "Matti", lastName = "Uusinimi", version = 1 });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var after = await reception.Client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(registration.Replace("-", "", StringComparison.Ordinal))}");
        Assert.Contains(after.EnumerateArray(), h => h.GetProperty("id").GetGuid() == ownerId);
        var byName = await reception.Client.GetFromJsonAsync<JsonElement>("/api/search?q=Registerinen");
        Assert.DoesNotContain(byName.EnumerateArray(), h => h.GetProperty("id").GetGuid() == ownerId);
    }

    [Fact]
    public async Task ThePersonsPictureShowsTheVehiclesSectionWithTheCodeMasked()
    {
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var owner = await reception.Client.CreateConsumerAsync(Owner());
        var code = NewIdentityCode();
        await IssueAsync(reception.Client, Certificate(owner.GetProperty("id").GetGuid(), code));
        var subjectId = owner.GetProperty("subjectId").GetGuid();

        var picture = await reception.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");

        var certificate = Assert.Single(picture.GetProperty("sections").GetProperty("vehicles").EnumerateArray());
        Assert.Equal(PersonalIdentityCode.Parse(code).Masked(), certificate.GetProperty("identityCode").GetString());
        Assert.DoesNotContain(code, picture.GetRawText());

        var forService = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
        Assert.False(forService.GetProperty("sections").TryGetProperty("vehicles", out _));
    }

    [Fact]
    public async Task NoOtherEndpointAcceptsAnIdentityCode()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.GetRawText().Contains("identityCode", StringComparison.OrdinalIgnoreCase)
                || p.Value.GetRawText().Contains("IdentityCodeQuery", StringComparison.Ordinal)
                || p.Value.GetRawText().Contains("CertificateRequest", StringComparison.Ordinal))
            .Select(p => p.Name).ToList();

        Assert.All(paths, p => Assert.StartsWith("/api/vehicles/certificates", p, StringComparison.Ordinal));
        Assert.NotEmpty(paths);
    }

    private static Task<HttpResponseMessage> Reveal(HttpClient client, Guid id, string? purpose)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/vehicles/certificates/{id}?reveal=identityCode");
        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }

        return client.SendAsync(request);
    }
}
