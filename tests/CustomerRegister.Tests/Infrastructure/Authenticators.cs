using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// The authenticator apps of the test users: the key each enrolled with, the last time step used (a code is accepted
/// once), and the recovery codes left. Codes are computed on the app's own clock (a FakeTimeProvider where a test has
/// one), this step and the next, so two sign-ins in one 30-second step still get fresh codes (then a recovery code). The users of one
/// database keep their authenticators when a test starts another app on that database.
/// </summary>
public sealed class Authenticators(Func<TimeProvider> clock, TestDatabase database)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestDatabase, ConcurrentDictionary<string, Authenticator>> ByDatabase = [];

    private readonly ConcurrentDictionary<string, Authenticator> _byEmail =
        ByDatabase.GetValue(database, _ => new ConcurrentDictionary<string, Authenticator>(StringComparer.OrdinalIgnoreCase));

    public bool IsEnrolled(string email) => _byEmail.ContainsKey(email);

    public void Forget(string email) => _byEmail.TryRemove(email, out _);

    /// <summary>Remembers a key (as shown, in groups) and returns the code that confirms the enrolment.</summary>
    public string Enrol(string email, string sharedKey)
    {
        var authenticator = new Authenticator(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal)));
        _byEmail[email] = authenticator;
        return authenticator.NextCode(clock())!;
    }

    public void KeepRecoveryCodes(string email, IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            _byEmail[email].RecoveryCodes.Enqueue(code);
        }
    }

    /// <summary>The second factor for the next sign-in: a fresh code, or a recovery code when this step is used up.</summary>
    public (string? Code, string? RecoveryCode) Next(string email)
    {
        var authenticator = _byEmail[email];
        if (authenticator.NextCode(clock()) is { } code)
        {
            return (code, null);
        }

        Assert.True(authenticator.RecoveryCodes.TryDequeue(out var recovery), "No fresh code and no recovery code left for " + email);
        return (null, recovery);
    }

    /// <summary>A fresh code only (enrolment and removal need one).</summary>
    public string Code(string email) =>
        _byEmail[email].NextCode(clock()) ?? throw new InvalidOperationException("Every code of this time step is used; move the clock.");

    /// <summary>Enrols the signed-in client's user through the API like an authenticator app would.</summary>
    public async Task EnrolAsync(HttpClient client, string email)
    {
        var enrol = await client.PostAsync("/api/auth/two-factor/enrol", null);
        Assert.True(enrol.IsSuccessStatusCode, $"Enrolment answered {(int)enrol.StatusCode}: {await enrol.Content.ReadAsStringAsync()}");
        var key = (await enrol.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        var confirm = await client.PostAsJsonAsync("/api/auth/two-factor/confirm", new { code = Enrol(email, key) });
        Assert.True(confirm.IsSuccessStatusCode, $"Confirming answered {(int)confirm.StatusCode}: {await confirm.Content.ReadAsStringAsync()}");
        KeepRecoveryCodes(email, (await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")
            .EnumerateArray().Select(c => c.GetString()!));
    }

    private sealed class Authenticator(byte[] key)
    {
        private readonly Totp _totp = new(key);
        private long _lastStep;

        public ConcurrentQueue<string> RecoveryCodes { get; } = new();

        public string? NextCode(TimeProvider clock)
        {
            lock (this)
            {
                var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
                // This step or the next: the server also takes the one before, but a code for it could expire between
                // computing it and the server's check when the clock crosses a step boundary on a loaded machine.
                var step = Math.Max(now, _lastStep + 1);
                if (step > now + 1)
                {
                    return null;
                }

                _lastStep = step;
                return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
            }
        }
    }
}

public static class AuthenticatorServices
{
    public static Func<TimeProvider> ClockOf(RegisterFactory app) => () => app.Services.GetRequiredService<TimeProvider>();
}
