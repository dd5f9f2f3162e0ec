using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Identity;

/// <summary>
/// Wrong passwords count per account <b>and</b> client address: after <see cref="SignInLimitOptions.MaxFailedAttempts"/>
/// failures from one address, that address (only) is locked out of that account for
/// <see cref="SignInLimitOptions.LockoutMinutes"/>, so a stranger cannot lock staff out (ADR 4). Kept in memory.
/// </summary>
public sealed class SignInLockouts(IOptions<SignInLimitOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(Guid User, string Address), Failures> _failures = new();
    private string? _dummyHash;

    /// <summary>
    /// The password check of a sign-in: exactly one password-hash verification on every path (unknown, disabled,
    /// locked or wrong), so the response time does not tell them apart.
    /// </summary>
    public async Task<SignInResultKind> CheckAsync(UserManager<AppUser> users, AppUser? user, string password, HttpContext context)
    {
        bool matches;
        if (user?.PasswordHash is null)
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash(users.PasswordHasher), password);
            matches = false;
        }
        else
        {
            matches = await users.CheckPasswordAsync(user, password);
        }

        if (user is null)
        {
            return SignInResultKind.Failed;
        }

        if (user.IsDisabled)
        {
            return SignInResultKind.Disabled;
        }

        var address = SignInLimits.AddressOf(context);
        if (IsLockedOut(user.Id, address) || await users.IsLockedOutAsync(user))
        {
            return SignInResultKind.LockedOut;
        }

        if (!matches)
        {
            return RecordFailure(user.Id, address) ? SignInResultKind.LockedOut : SignInResultKind.Failed;
        }

        _failures.TryRemove((user.Id, address), out _);
        return SignInResultKind.Succeeded;
    }

    public bool IsLockedOut(Guid userId, string address) =>
        _failures.TryGetValue((userId, address), out var f) && f.LockedUntil > clock.GetUtcNow();

    /// <summary>Until when some address is locked out of the account, or null.</summary>
    public DateTimeOffset? LockedOutUntil(Guid userId)
    {
        var now = clock.GetUtcNow();
        var until = _failures.Where(e => e.Key.User == userId && e.Value.LockedUntil > now).Select(e => e.Value.LockedUntil).DefaultIfEmpty().Max();
        return until == default ? null : until;
    }

    /// <summary>Counts a wrong password; true when it locks the address out of the account.</summary>
    private bool RecordFailure(Guid userId, string address)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.Value.LockoutMinutes);
        if (_failures.Count > PruneAbove)
        {
            foreach (var stale in _failures.Where(e => e.Value.Since + window < now && e.Value.LockedUntil < now))
            {
                _failures.TryRemove(stale);
            }
        }

        var updated = _failures.AddOrUpdate((userId, address),
            _ => new Failures(1, now, default),
            (_, f) => f.Since + window < now && f.LockedUntil < now ? new Failures(1, now, default) : f with { Count = f.Count + 1 });
        if (updated.Count < options.Value.MaxFailedAttempts || updated.LockedUntil > now)
        {
            return false;
        }

        _failures[(userId, address)] = new Failures(0, now, now + window);
        return true;
    }

    private string DummyHash(IPasswordHasher<AppUser> hasher) =>
        _dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());

    private sealed record Failures(int Count, DateTimeOffset Since, DateTimeOffset LockedUntil);
}
