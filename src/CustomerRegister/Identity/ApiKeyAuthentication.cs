using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CustomerRegister.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>
/// API keys for integration clients: <c>X-Api-Key: crk_{prefix}_{secret}</c>. The prefix finds the client,
/// the SHA-256 of the whole key is compared in constant time, and the principal carries only the
/// permissions the client was scoped to. A pending key (beyond the integration permissions, not yet approved by the
/// DPO) is refused like a revoked one.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    RegisterDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ClientIdClaim = "client_id";
    private const string KeyPrefix = "crk_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values[0]!;
        if (!TryParse(key, out var prefix))
        {
            return AuthenticateResult.Fail("Malformed API key");
        }

        var client = await db.Set<ApiClient>().AsNoTracking().FirstOrDefaultAsync(c => c.KeyPrefix == prefix, Context.RequestAborted);
        if (client is null || client.RevokedAt is not null || client.IsPending
            || !CryptographicOperations.FixedTimeEquals(Hash(key), client.KeyHash))
        {
            Logger.LogInformation("API key rejected for prefix {KeyPrefix}", prefix);
            return AuthenticateResult.Fail("Invalid API key");
        }

        var claims = new List<Claim>
        {
            new(ClientIdClaim, client.Id.ToString()),
            new(ClaimTypes.Name, "client:" + client.Id),
        };
        claims.AddRange(client.PermissionList.Where(Permissions.IsKnown).Select(p => new Claim(Permissions.ClaimType, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Makes a new key; returns the key (shown once) and what is stored.</summary>
    public static (string Key, string Prefix, byte[] Hash) NewKey()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{KeyPrefix}{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static bool TryParse(string key, out string prefix)
    {
        prefix = "";
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }

        var rest = key.AsSpan(KeyPrefix.Length);
        var underscore = rest.IndexOf('_');
        if (underscore != 12)
        {
            return false;
        }

        prefix = rest[..underscore].ToString();
        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
