using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>Intent methods for register data, through the HTTP API like any client.</summary>
public static class RegisterData
{
    public static async Task<JsonElement> CreateConsumerAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/consumers", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created,
            $"Creating a consumer answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> CreateOrganisationAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/organisations", body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created,
            $"Creating an organisation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Records the person's consent to web-behaviour analysis, without which their web events are not stored.</summary>
    public static async Task GiveWebConsentAsync(this HttpClient client, Guid subjectId)
    {
        var response = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", new
        {
            channel = "Web",
            purpose = "web_behaviour_analysis",
            kind = "PermissionGranted",
            source = "Consumer",
            wordingVersion = "cookies-2026-01",
            evidence = "cookie-banner-1",
        });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created,
            $"Recording a web-behaviour consent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Appends an email sales-and-marketing entry (a permission with its wording and evidence, or another kind) to the person's ledger.</summary>
    public static async Task AppendEmailMarketingAsync(this HttpClient client, Guid subjectId, string kind)
    {
        var response = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/marketing-consents", new
        {
            channel = "Email",
            purpose = "sales_and_marketing",
            kind,
            source = "Consumer",
            wordingVersion = kind == "PermissionGranted" ? "email-2026-01" : null,
            evidence = kind == "PermissionGranted" ? "webform-1" : null,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ErrorsOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    /// <summary>
    /// Fails when <paramref name="text"/> holds the account's bank-specific digits, compact or grouped. Eight digits, not
    /// four: a four-digit run also turns up by chance inside ids and timestamps.
    /// </summary>
    public static void AssertNoAccountDigits(string text, string iban)
    {
        var digits = iban[4..12];
        Assert.DoesNotContain(digits, text);
        Assert.DoesNotContain($"{digits[..4]} {digits[4..]}", text);
    }
}
