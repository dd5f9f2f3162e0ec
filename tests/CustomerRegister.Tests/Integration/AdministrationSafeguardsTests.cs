using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>No back door for administrators: keys, grants, own roles, chosen passwords, holds and CCTV periods.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed partial class AdministrationSafeguardsTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private Task<(Guid Id, string Key, JsonElement Client)> CreateKeyAsync(HttpClient creator, params string[] permissions) =>
        CreateKeyAsync(creator, null, permissions);

    private async Task<(Guid Id, string Key, JsonElement Client)> CreateKeyAsync(HttpClient creator, Guid? recipientId, params string[] permissions)
    {
        var created = await creator.PostAsJsonAsync("/api/clients", new { name = "Key " + Guid.NewGuid().ToString("N")[..6], permissions, recipientId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var client = body.GetProperty("client");
        return (client.GetProperty("id").GetGuid(), body.GetProperty("apiKey").GetString()!, client);
    }

    private HttpClient WithKey(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key);
        return client;
    }

    private static async Task<JsonElement> AuditEventAsync(HttpClient reader, string action, string entityId, string outcome = "ok")
    {
        var page = await reader.GetFromJsonAsync<JsonElement>("/api/audit?limit=500");
        return page.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == action
            && e.GetProperty("entityId").GetString() == entityId && e.GetProperty("outcome").GetString() == outcome);
    }

    private static List<string> Grants(JsonElement auditEvent) =>
        [.. auditEvent.GetProperty("grants").EnumerateArray().Select(g => g.GetString()!)];

    [Fact]
    public async Task AnIntegrationKeyWorksAtOnceAndAnyOtherWaitsForTheApprovalOfASecondPerson()
    {
        var admin = await app.AdminAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var group = await CreateKeyAsync(admin, Permissions.GroupCompanyRead);
        Assert.False(group.Client.GetProperty("pending").GetBoolean());
        // Signs in at once; without a recipient named it discloses nothing (Disclosures/).
        Assert.Equal(HttpStatusCode.Conflict, (await WithKey(group.Key).GetAsync($"/api/group/subjects/{Guid.NewGuid()}")).StatusCode);

        var auditKey = await CreateKeyAsync(admin, Permissions.AuditRead, Permissions.RecordingUpload);
        Assert.True(auditKey.Client.GetProperty("pending").GetBoolean());
        var auditClient = WithKey(auditKey.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditClient.GetAsync("/api/audit")).StatusCode);

        // The administrator cannot approve: approving is the DPO's.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/clients/{auditKey.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditClient.GetAsync("/api/audit")).StatusCode);

        var approved = await dpo.Client.PostAsync($"/api/clients/{auditKey.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("pending").GetBoolean());
        Assert.Equal(dpo.Id, body.GetProperty("approvedBy").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await auditClient.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.PostAsync($"/api/clients/{auditKey.Id}/approve", null)).StatusCode);

        // Creating and approving a key both name what it grants in the audit trail.
        Assert.Equal([Permissions.AuditRead, Permissions.RecordingUpload],
            Grants(await AuditEventAsync(dpo.Client, "client.create", auditKey.Id.ToString())).Order());
        Assert.Equal([Permissions.AuditRead, Permissions.RecordingUpload],
            Grants(await AuditEventAsync(dpo.Client, "client.approve", auditKey.Id.ToString())).Order());
    }

    [Fact]
    public async Task NobodyApprovesTheirOwnKey()
    {
        // One person who is both administrator and DPO still needs a second person.
        var both = await app.CreateUserAsync(Roles.Administrator, Roles.DataProtectionOfficer);
        var other = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var key = await CreateKeyAsync(both.Client, Permissions.CustomerRead);

        var own = await both.Client.PostAsync($"/api/clients/{key.Id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("urn:customer-register:self-approval", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(key.Key).GetAsync($"/api/subjects/{Guid.NewGuid()}")).StatusCode);
        await AuditEventAsync(other.Client, "client.approve", key.Id.ToString(), "denied");

        Assert.Equal(HttpStatusCode.OK, (await other.Client.PostAsync($"/api/clients/{key.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WithKey(key.Key).GetAsync($"/api/subjects/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task GrantingRolesNamesTheRolesAndPermissionsInTheAuditEventAndNeverTheUser()
    {
        var admin = await app.AdminAsync();
        var auditor = await app.CreateUserAsync(Roles.Auditor);
        var email = $"grant-{Guid.NewGuid():N}@register.test";
        var created = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Myönnetty Henkilö", roles = new[] { Roles.Billing }, password = RegisterFactory.InitialPassword });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();

        var create = Grants(await AuditEventAsync(auditor.Client, "user.create", id.ToString()));
        Assert.Contains(Roles.Billing, create);
        Assert.Contains(Permissions.BillingWrite, create);
        Assert.Contains(Permissions.BankAccountReveal, create);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { Roles.Auditor } })).StatusCode);
        var change = Grants(await AuditEventAsync(auditor.Client, "user.roles", id.ToString()));
        Assert.Contains(Roles.Auditor, change);
        Assert.Contains(Permissions.AuditRead, change);
        Assert.Contains("-" + Roles.Billing, change);
        Assert.Contains("-" + Permissions.BillingWrite, change);
        Assert.DoesNotContain(Permissions.AccountSelf, change);

        var raw = await auditor.Client.GetStringAsync("/api/audit?limit=500");
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Myönnetty", raw);
    }

    [Fact]
    public async Task NobodyChangesTheirOwnRoles()
    {
        var admin = await app.AdminAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetGuid();

        var own = await admin.PutAsJsonAsync($"/api/users/{adminId}/roles",
            new { roles = new[] { Roles.Administrator, Roles.DataProtectionOfficer } });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        var problem = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:customer-register:own-roles", problem.GetProperty("type").GetString());
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal([Roles.Administrator], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AUserGivenAPasswordByTheAdministratorMustChangeItAtFirstSignIn()
    {
        var admin = await app.AdminAsync();
        var email = $"chosen-{Guid.NewGuid():N}@register.test";
        var created = await admin.PostAsJsonAsync("/api/users",
            new { email, displayName = "Uusi Käyttäjä", roles = new[] { Roles.CustomerService }, password = RegisterFactory.InitialPassword });
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("mustChangePassword").GetBoolean());

        var api = await app.LoginAsync(email, RegisterFactory.InitialPassword);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("urn:customer-register:password-change-required",
            (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        // The sign-in page sends the user to the password change first.
        var page = app.Anonymous();
        var form = await page.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var signIn = await page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = RegisterFactory.InitialPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/Account/ChangePassword", signIn.Headers.Location?.OriginalString);

        await app.ChangePasswordAsync(email, RegisterFactory.InitialPassword, "my very own passphrase 2026");
        Assert.Equal(HttpStatusCode.OK, (await app.LoginAsync(email, "my very own passphrase 2026")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheDpoReleasesALegalHoldAndChangesACctvPeriod()
    {
        var admin = await app.AdminAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = (await service.Client.CreateConsumerAsync(new { firstName = "Pidetty", lastName = "Henkilö", source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();

        var hold = await admin.PostAsJsonAsync("/api/legal-holds", new { subjectId, reason = "Riita-asia" });
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        var holdId = (await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await admin.PostAsJsonAsync($"/api/legal-holds/{holdId}/release", new { reason = "Sovittu" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await dpo.Client.PostAsJsonAsync($"/api/legal-holds/{holdId}/release", new { reason = "Sovittu" })).StatusCode);

        var unit = await admin.PostAsJsonAsync("/api/production-units", new { name = "Porin piha", cctvRetentionMonths = 6 });
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/production-units/{unitId}",
            new { name = "Porin piha", cctvRetentionMonths = 1, version = 1 })).StatusCode);
        var shortened = await dpo.Client.PutAsJsonAsync($"/api/production-units/{unitId}",
            new { name = "Porin piha", cctvRetentionMonths = 1, version = 1 });
        Assert.Equal(HttpStatusCode.OK, shortened.StatusCode);
        Assert.Equal(1, (await shortened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cctvRetentionMonths").GetInt32());
    }

    [Fact]
    public async Task AGroupCompanyKeyReadsOnlyTheDisclosedCategoriesAndNeverARestrictedPerson()
    {
        var admin = await app.AdminAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var subjectId = (await service.Client.CreateConsumerAsync(new
        {
            firstName = "Konserni",
            lastName = "Asiakas",
            email = "konserni.asiakas@example.fi",
            phone = "040 123 4567",
            street = "Satamakatu 1",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        var groupCompany = (await admin.GetFromJsonAsync<JsonElement>("/api/recipients")).EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "GroupCompany").GetProperty("id").GetGuid();
        var group = WithKey((await CreateKeyAsync(admin, groupCompany, Permissions.GroupCompanyRead)).Key);

        var read = await group.GetAsync($"/api/group/subjects/{subjectId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("konserni.asiakas@example.fi", body.GetProperty("email").GetString());
        Assert.Equal(["contact.name", "contact.email", "contact.phone", "contact.address"],
            body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(body.TryGetProperty("bankAccountMasked", out _));
        var disclosed = await AuditEventAsync(dpo.Client, "subject.disclose", groupCompany.ToString());
        Assert.Equal("customer_relationship", disclosed.GetProperty("purpose").GetString());
        Assert.Equal("client", disclosed.GetProperty("actorKind").GetString());

        // The group company's key reads nothing else.
        Assert.Equal(HttpStatusCode.Forbidden, (await group.GetAsync($"/api/subjects/{subjectId}")).StatusCode);

        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "AccuracyContested" });
        Assert.Equal(HttpStatusCode.NotFound, (await group.GetAsync($"/api/group/subjects/{subjectId}")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
