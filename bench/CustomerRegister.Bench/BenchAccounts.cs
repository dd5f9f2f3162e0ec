using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

/// <summary>
/// Signs the bench's accounts in the way staff do: a user the administrator created changes the chosen password
/// first, and a role that needs a second factor enrols an authenticator (codes from Otp.NET) with its first token.
/// </summary>
internal static class BenchAccounts
{
    private const string InitialPassword = "benchmark initial passphrase";
    private const string StaffPassword = "benchmark staff member passphrase";
    private static string? _adminToken;

    /// <summary>A bench database is reused between runs; the administrator's authenticator of an earlier run is gone with it.</summary>
    public static async Task ForgetAdministratorsAuthenticatorAsync(IServiceProvider services, string adminEmail)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        var admin = adminEmail.ToUpperInvariant();
        await db.Set<UserTwoFactor>().Where(t => db.Users.Any(u => u.Id == t.UserId && u.NormalizedEmail == admin)).ExecuteDeleteAsync();
        await db.Set<UserRecoveryCode>().Where(c => db.Users.Any(u => u.Id == c.UserId && u.NormalizedEmail == admin)).ExecuteDeleteAsync();
    }

    /// <summary>A new user of the role (each run its own), signed in; returns the bearer token.</summary>
    public static async Task<string> StaffAsync(HttpClient client, string adminEmail, string adminPassword, string role)
    {
        _adminToken ??= await TokenAsync(client, adminEmail, adminPassword);
        var email = $"bench-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/users")
        {
            Content = JsonContent.Create(new { email, displayName = "Bench", roles = new[] { role }, password = InitialPassword }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        var created = await client.SendAsync(create);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the bench user failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var changed = await client.PostAsJsonAsync("/api/auth/change-password",
            new { email, currentPassword = InitialPassword, newPassword = StaffPassword });
        if (changed.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"The bench user's password change failed: {(int)changed.StatusCode}");
        }

        return await TokenAsync(client, email, StaffPassword);
    }

    /// <summary>Password sign-in; where the roles require a second factor, the password's token enrols one.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Bench sign-in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var status = await SendAsync(client, token, HttpMethod.Get, "/api/auth/two-factor");
        if (!status.GetProperty("required").GetBoolean() || status.GetProperty("enabled").GetBoolean())
        {
            return token;
        }

        var key = (await SendAsync(client, token, HttpMethod.Post, "/api/auth/two-factor/enrol")).GetProperty("sharedKey").GetString()!;
        var code = new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp();
        await SendAsync(client, token, HttpMethod.Post, "/api/auth/two-factor/confirm", new { code });
        return token;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string token, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url} failed for the bench user: {(int)response.StatusCode}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
