using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Marketing;
using CustomerRegister.Marketing.Campaigns;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// Campaign lists through the API (issue 17 item 1): a consumer email list leaves out a person without consent, one with
/// a prohibition and a restricted one, each counted under its reason; the file carries only the allowed person; and the
/// person a list put before staff is named in "who has seen this person", the others are not.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CampaignTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task AnEmailListCountsEachReasonAndEveryPersonItShowsIsAuditedForWhoHasSeenThem()
    {
        var staff = await app.CreateUserAsync(Roles.CustomerService);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var marketer = await app.CreateUserAsync(Roles.Marketing);
        var city = "Kampanja" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));

        var allowed = await ConsumerAsync(staff.Client, city, "Sallittu");
        await staff.Client.AppendEmailMarketingAsync(allowed, "PermissionGranted");
        var unasked = await ConsumerAsync(staff.Client, city, "Luvaton");
        var prohibited = await ConsumerAsync(staff.Client, city, "Kieltänyt");
        await staff.Client.AppendEmailMarketingAsync(prohibited, "PermissionGranted");
        await staff.Client.AppendEmailMarketingAsync(prohibited, "Prohibition");
        var restricted = await ConsumerAsync(staff.Client, city, "Rajoitettu");
        await staff.Client.AppendEmailMarketingAsync(restricted, "PermissionGranted");
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: restricted))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "AccuracyContested" });

        // The municipality as a person types it, in lower case: the people stored with it capitalised are found.
        var created = await marketer.Client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Syystarjous",
            channel = "Email",
            purpose = "sales_and_marketing",
            kinds = new[] { "Consumer" },
            municipality = city.ToLowerInvariant(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var preview = await PostAsync(marketer.Client, $"/api/campaigns/{id}/preview");
        var excluded = preview.GetProperty("excluded");
        Assert.Equal((4, 1, 1, 1, 1, 0), (preview.GetProperty("selected").GetInt32(), preview.GetProperty("included").GetInt32(),
            excluded.GetProperty(nameof(CampaignExclusion.NoConsent)).GetInt32(), excluded.GetProperty(nameof(CampaignExclusion.Prohibition)).GetInt32(),
            excluded.GetProperty(nameof(CampaignExclusion.Restriction)).GetInt32(), excluded.GetProperty(nameof(CampaignExclusion.Objection)).GetInt32()));
        Assert.Equal(allowed, Assert.Single(preview.GetProperty("firstRows").EnumerateArray()).GetProperty("subjectId").GetGuid());

        var export = await marketer.Client.PostAsync($"/api/campaigns/{id}/export", null);
        export.EnsureSuccessStatusCode();
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith($"Sallittu Listala;sallittu.{city}@example.fi;fi;http", Assert.Single(lines[1..]), StringComparison.Ordinal);

        // The marketer saw the allowed person twice (the preview's first rows and the file); the others never.
        var seen = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit/subjects/{allowed}/viewers");
        var viewer = Assert.Single(seen.GetProperty("viewers").EnumerateArray(), v => v.GetProperty("actorId").GetGuid() == marketer.Id);
        Assert.Equal([Campaigns.ListedAction, Campaigns.ShownAction],
            viewer.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal([Purposes.Marketing], viewer.GetProperty("purposes").EnumerateArray().Select(a => a.GetString()));
        foreach (var other in new[] { unasked, prohibited, restricted })
        {
            var theirs = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit/subjects/{other}/viewers");
            Assert.DoesNotContain(theirs.GetProperty("viewers").EnumerateArray(), v => v.GetProperty("actorId").GetGuid() == marketer.Id);
        }
    }

    [Fact]
    public async Task AListOfThoseWhoUsedTheWasteServicesHoldsOnlyPeopleWithAServiceOrderedAndAnUnknownLineIsNamed()
    {
        var staff = await app.CreateUserAsync(Roles.CustomerService);
        var marketer = await app.CreateUserAsync(Roles.Marketing);
        var city = "Palvelu" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var customer = await ConsumerAsync(staff.Client, city, "Asiakas");
        await ConsumerAsync(staff.Client, city, "Muu");
        var relationship = await staff.Client.PostAsJsonAsync("/api/relationships", new
        {
            subjectId = customer,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            startDate = "2024-03-01",
            source = "OwnSystems",
        });
        Assert.Equal(HttpStatusCode.Created, relationship.StatusCode);
        var relationshipId = (await relationship.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ordered = await staff.Client.PostAsJsonAsync($"/api/relationships/{relationshipId}/services", new { serviceName = "Jäteastian tyhjennys", orderedDate = "2024-03-02" });
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);

        var preview = await PostAsync(marketer.Client, "/api/campaigns/preview", new
        {
            name = "Jäteasiakkaat",
            channel = "Post",
            purpose = "sales_and_marketing",
            municipality = city,
            usedService = "waste_services",
        });
        Assert.Equal(1, preview.GetProperty("selected").GetInt32());
        Assert.Equal(customer, Assert.Single(preview.GetProperty("firstRows").EnumerateArray()).GetProperty("subjectId").GetGuid());

        var wrong = await marketer.Client.PostAsJsonAsync("/api/campaigns/preview", new
        {
            name = "Väärä",
            channel = "Post",
            purpose = "sales_and_marketing",
            usedService = "snow_ploughing",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("usedService", out _));

        // Every service line has its rule.
        await using var scope = app.Services.CreateAsyncScope();
        var lists = scope.ServiceProvider.GetRequiredService<CampaignLists>();
        foreach (var line in MarketingConsentRules.ServiceLines)
        {
            _ = lists.UsedService(lists.Selection(new CampaignCriteria(MarketingChannel.Post, Purposes.Marketing, [])), line);
        }
    }

    private static async Task<Guid> ConsumerAsync(HttpClient client, string city, string firstName) =>
        (await client.CreateConsumerAsync(new
        {
            firstName,
            lastName = "Listala",
            street = "Kampanjatie 1",
            postalCode = "99990",
            city,
            email = $"{firstName.ToLowerInvariant()}.{city}@example.fi",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();


    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

/// <summary>The register where a campaign preview of more than three people is counted as a job.</summary>
public sealed class CampaignPreviewJobFactory : RegisterFactory
{
    public const int InlineLimit = 3;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marketing:CampaignPreviewInlineLimit", InlineLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A preview too large to judge within the request: a saved campaign's runs as a job, unsaved criteria are refused.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class CampaignPreviewJobTests(CampaignPreviewJobFactory app) : IClassFixture<CampaignPreviewJobFactory>
{
    [Fact]
    public async Task ALargeSelectionIsPreviewedByAJobAndItsRunCountedWhileUnsavedCriteriaAreAskedToBeSaved()
    {
        var staff = await app.CreateUserAsync(Roles.CustomerService);
        var marketer = await app.CreateUserAsync(Roles.Marketing);
        var city = "Suuri" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var people = new List<Guid>();
        for (var i = 0; i <= CampaignPreviewJobFactory.InlineLimit; i++)
        {
            people.Add((await staff.Client.CreateConsumerAsync(new { firstName = $"Henkilö{i}", lastName = "Joukko", street = "Joukkotie 1", postalCode = "99990", city, source = "Consumer" }))
                .GetProperty("subjectId").GetGuid());
        }

        var criteria = new { name = "Iso lista", channel = "Post", purpose = "sales_and_marketing", municipality = city };
        var unsaved = await marketer.Client.PostAsJsonAsync("/api/campaigns/preview", criteria);
        Assert.Equal(HttpStatusCode.Conflict, unsaved.StatusCode);
        var problem = await unsaved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("4 people", problem.GetProperty("errors").GetProperty("selection")[0].GetString(), StringComparison.Ordinal);

        var created = await marketer.Client.PostAsJsonAsync("/api/campaigns", criteria);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var started = await marketer.Client.PostAsync($"/api/campaigns/{id}/preview", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/jobs/{job}", started.Headers.Location?.ToString());
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(job);

        var status = await marketer.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}");
        Assert.Equal("Done", status.GetProperty("state").GetString());
        var run = Assert.Single((await marketer.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("runs").EnumerateArray());
        Assert.Equal(("Preview", 4, 4), (run.GetProperty("kind").GetString(), run.GetProperty("selected").GetInt32(), run.GetProperty("included").GetInt32()));

        // A job's preview shows nobody's row: no one is recorded as seen by it.
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var seen = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit/subjects/{people[0]}/viewers");
        Assert.DoesNotContain(seen.GetProperty("viewers").EnumerateArray(), v => v.GetProperty("actorId").GetGuid() == marketer.Id);
    }
}
