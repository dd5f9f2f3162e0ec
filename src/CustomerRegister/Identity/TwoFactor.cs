using System.Security.Cryptography;
using System.Text;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OtpNet;

namespace CustomerRegister.Identity;

/// <summary>Settings of the second factor (section <c>Auth</c>).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Auth";

    /// <summary>Require the second factor of every role, not only of those <see cref="TwoFactorRules.RequiredRoles"/> names.</summary>
    public bool TwoFactorForAllRoles { get; set; }
}

/// <summary>A user's authenticator (TOTP) secret, protected with Data Protection; enabled once confirmed with a code.</summary>
public sealed class UserTwoFactor
{
    public Guid UserId { get; set; }

    /// <summary>The shared secret, Data-Protection encrypted (the key ring is outside the database).</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>Null while the enrolment waits for its first code.</summary>
    public DateTime? EnabledAt { get; set; }

    /// <summary>The last accepted TOTP time step: a code of this step or an earlier one is a replay.</summary>
    public long LastTimeStep { get; set; }

    /// <summary>Wrong codes since the last good one; reaching <c>Auth:MaxFailedAttempts</c> locks the account.</summary>
    public int FailedCodes { get; set; }
}

/// <summary>A one-time recovery code: only its SHA-256 hash is kept (the code has 80 random bits).</summary>
public sealed class UserRecoveryCode
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public byte[] CodeHash { get; set; } = [];

    public DateTime? UsedAt { get; set; }
}

public enum SecondFactorResult
{
    /// <summary>The account has no second factor; the password is enough (unless the roles require enrolment).</summary>
    NotEnrolled,
    Verified,
    Missing,
    Wrong,
    LockedOut,
}

public sealed record TwoFactorStatus(bool Required, bool Enabled, int RecoveryCodesLeft);

public sealed record TwoFactorEnrolment(string SharedKey, string AuthenticatorUri);

/// <summary>The pure rules of the second factor: who needs it, how keys and codes look.</summary>
public static class TwoFactorRules
{
    public const string Issuer = "Customer Register";
    public const int RecoveryCodeCount = 10;
    private const string RecoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Permissions that show a protected code in full: any role granted one needs a second factor.</summary>
    public static IReadOnlyList<string> RevealPermissions { get; } =
        [.. Permissions.All.Where(p => p.EndsWith(".Reveal", StringComparison.Ordinal))];

    /// <summary>Administrator, DataProtectionOfficer and every role with a reveal permission, from <see cref="Roles.PermissionsByRole"/>.</summary>
    public static IReadOnlySet<string> RequiredRoles { get; } = Roles.PermissionsByRole
        .Where(r => r.Key is Roles.Administrator or Roles.DataProtectionOfficer || r.Value.Overlaps(RevealPermissions))
        .Select(r => r.Key)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsRequired(IEnumerable<string> roles, bool forAllRoles) =>
        forAllRoles || roles.Any(RequiredRoles.Contains);

    /// <summary>The Base32 key in groups of four, for typing into an authenticator app.</summary>
    public static string FormatKey(string base32) =>
        string.Join(' ', base32.Chunk(4).Select(c => new string(c)));

    public static string AuthenticatorUri(string base32, string account) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={base32}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>A code as the user typed it (spaces and dashes allowed), or null when it is not six digits.</summary>
    public static string? NormalizeCode(string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static string NewRecoveryCode()
    {
        var chars = RandomNumberGenerator.GetItems(RecoveryAlphabet.AsSpan(), 16);
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The hash of a recovery code as typed: case, spaces and dashes do not matter.</summary>
    public static byte[] HashRecoveryCode(string code)
    {
        var canonical = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}

/// <summary>
/// Enrolment, verification and removal of a user's authenticator (TOTP, RFC 6238 through Otp.NET) and recovery codes.
/// Codes are checked on the injected clock, accepted one step either side, and each step only once.
/// </summary>
public sealed class TwoFactor(
    RegisterDbContext db,
    IDataProtectionProvider protection,
    TimeProvider clock,
    UserManager<AppUser> users,
    UserAccess access,
    IMemoryCache cache,
    IOptions<TwoFactorOptions> options,
    IOptions<SignInLimitOptions> limits,
    AuditLog audit)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(15);
    private readonly IDataProtector _protector = protection.CreateProtector("CustomerRegister.TwoFactor.Secret.v1");

    /// <summary>True when the user's roles require a second factor that the user has not yet enrolled (cached briefly).</summary>
    public async Task<bool> IsEnrolmentPendingAsync(Guid userId)
    {
        // A one-time password is replaced first; until then the user has nothing but their own account anyway.
        var state = await access.GetAsync(userId);
        if (state.MustChangePassword || !TwoFactorRules.IsRequired(state.Roles, options.Value.TwoFactorForAllRoles))
        {
            return false;
        }

        return !await IsEnabledAsync(userId);
    }

    public async Task<bool> IsEnabledAsync(Guid userId)
    {
        var key = CacheKey(userId);
        if (!cache.TryGetValue(key, out bool enabled))
        {
            enabled = await db.Set<UserTwoFactor>().AsNoTracking().AnyAsync(t => t.UserId == userId && t.EnabledAt != null);
            cache.Set(key, enabled, CacheLifetime);
        }

        return enabled;
    }

    public async Task<TwoFactorStatus> GetStatusAsync(Guid userId)
    {
        var state = await access.GetAsync(userId);
        var left = await db.Set<UserRecoveryCode>().CountAsync(c => c.UserId == userId && c.UsedAt == null);
        return new TwoFactorStatus(
            TwoFactorRules.IsRequired(state.Roles, options.Value.TwoFactorForAllRoles), await IsEnabledAsync(userId), left);
    }

    /// <summary>Starts (or restarts) an enrolment with a new secret; null when one is already enabled (disable it first).</summary>
    public async Task<TwoFactorEnrolment?> BeginAsync(AppUser user)
    {
        var row = await db.Set<UserTwoFactor>().FirstOrDefaultAsync(t => t.UserId == user.Id);
        if (row?.EnabledAt is not null)
        {
            return null;
        }

        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        if (row is null)
        {
            row = new UserTwoFactor { UserId = user.Id };
            db.Add(row);
        }

        row.ProtectedSecret = _protector.Protect(secret);
        row.LastTimeStep = 0;
        row.FailedCodes = 0;
        await db.SaveChangesAsync();
        return new TwoFactorEnrolment(TwoFactorRules.FormatKey(secret), TwoFactorRules.AuthenticatorUri(secret, user.Email!));
    }

    /// <summary>The pending enrolment's key and URI (for the page and its QR code), or null when none is pending.</summary>
    public async Task<TwoFactorEnrolment?> PendingAsync(AppUser user)
    {
        var row = await db.Set<UserTwoFactor>().AsNoTracking().FirstOrDefaultAsync(t => t.UserId == user.Id && t.EnabledAt == null);
        if (row is null)
        {
            return null;
        }

        var secret = _protector.Unprotect(row.ProtectedSecret);
        return new TwoFactorEnrolment(TwoFactorRules.FormatKey(secret), TwoFactorRules.AuthenticatorUri(secret, user.Email!));
    }

    /// <summary>Confirms a pending enrolment with a current code; returns the new recovery codes (shown once) or null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(AppUser user, string? code)
    {
        var row = await db.Set<UserTwoFactor>().AsNoTracking().FirstOrDefaultAsync(t => t.UserId == user.Id && t.EnabledAt == null);
        if (row is null || await CheckCodeAsync(row, code) != SecondFactorResult.Verified)
        {
            await audit.WriteAsync(Entry("auth.two_factor.enrol", user.Id, "failed"));
            return null;
        }

        await db.Set<UserTwoFactor>().Where(t => t.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.EnabledAt, clock.GetUtcNow().UtcDateTime));
        var codes = await ReplaceRecoveryCodesAsync(user.Id);
        Invalidate(user.Id);
        await audit.WriteAsync(Entry("auth.two_factor.enrol", user.Id, "ok"));
        return codes;
    }

    /// <summary>Checks a sign-in's second factor: an authenticator code or a recovery code (each accepted once).</summary>
    public async Task<SecondFactorResult> VerifyAsync(AppUser user, string? code, string? recoveryCode)
    {
        var row = await db.Set<UserTwoFactor>().AsNoTracking().FirstOrDefaultAsync(t => t.UserId == user.Id && t.EnabledAt != null);
        if (row is null)
        {
            return SecondFactorResult.NotEnrolled;
        }

        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
        {
            return SecondFactorResult.Missing;
        }

        var result = string.IsNullOrWhiteSpace(recoveryCode)
            ? await CheckCodeAsync(row, code)
            : await RedeemRecoveryCodeAsync(row, recoveryCode);
        await audit.WriteAsync(Entry(
            string.IsNullOrWhiteSpace(recoveryCode) ? "auth.two_factor.code" : "auth.two_factor.recovery_code",
            user.Id, result == SecondFactorResult.Verified ? "ok" : "failed"));
        return result;
    }

    /// <summary>Removes the authenticator and recovery codes after a current code (or a recovery code); false when refused.</summary>
    public async Task<bool> DisableAsync(AppUser user, string? code, string? recoveryCode)
    {
        if (await VerifyAsync(user, code, recoveryCode) != SecondFactorResult.Verified)
        {
            await audit.WriteAsync(Entry("auth.two_factor.disable", user.Id, "failed"));
            return false;
        }

        await db.Set<UserRecoveryCode>().Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
        await db.Set<UserTwoFactor>().Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        Invalidate(user.Id);
        await audit.WriteAsync(Entry("auth.two_factor.disable", user.Id, "ok"));
        return true;
    }

    /// <summary>
    /// Removes a user's authenticator and recovery codes at an administrator's request (a lost phone): a role that
    /// requires the second factor enrols again at the next sign-in. Returns false when none was set up.
    /// </summary>
    public async Task<bool> ResetAsync(Guid userId)
    {
        var removed = await db.Set<UserTwoFactor>().Where(t => t.UserId == userId).ExecuteDeleteAsync();
        await db.Set<UserRecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync();
        Invalidate(userId);
        await audit.WriteAsync(Entry("auth.two_factor.reset", userId, "ok"));
        return removed > 0;
    }

    /// <summary>New recovery codes (the old ones stop working) after a current authenticator code; null when refused.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(AppUser user, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || await VerifyAsync(user, code, null) != SecondFactorResult.Verified)
        {
            return null;
        }

        var codes = await ReplaceRecoveryCodesAsync(user.Id);
        await audit.WriteAsync(Entry("auth.two_factor.recovery_codes", user.Id, "ok"));
        return codes;
    }

    public void Invalidate(Guid userId) => cache.Remove(CacheKey(userId));

    private async Task<SecondFactorResult> CheckCodeAsync(UserTwoFactor row, string? code)
    {
        var digits = TwoFactorRules.NormalizeCode(code);
        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(row.ProtectedSecret)));
        if (digits is not null
            && totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            // Taking the step is one conditional update, so two requests with the same code cannot both pass.
            var taken = await db.Set<UserTwoFactor>()
                .Where(t => t.UserId == row.UserId && t.LastTimeStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastTimeStep, step).SetProperty(t => t.FailedCodes, 0));
            if (taken == 1)
            {
                return SecondFactorResult.Verified;
            }
        }

        return await CountFailureAsync(row.UserId);
    }

    private async Task<SecondFactorResult> RedeemRecoveryCodeAsync(UserTwoFactor row, string recoveryCode)
    {
        var hash = TwoFactorRules.HashRecoveryCode(recoveryCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var redeemed = await db.Set<UserRecoveryCode>()
            .Where(c => c.UserId == row.UserId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        if (redeemed == 1)
        {
            await db.Set<UserTwoFactor>().Where(t => t.UserId == row.UserId).ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedCodes, 0));
            return SecondFactorResult.Verified;
        }

        return await CountFailureAsync(row.UserId);
    }

    /// <summary>
    /// A wrong code counts against the account like a wrong password would; the password check resets Identity's own
    /// counter, so the second factor keeps its own and locks the account at the same limit.
    /// </summary>
    private async Task<SecondFactorResult> CountFailureAsync(Guid userId)
    {
        await db.Set<UserTwoFactor>().Where(t => t.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedCodes, t => t.FailedCodes + 1));
        var failed = await db.Set<UserTwoFactor>().Where(t => t.UserId == userId).Select(t => t.FailedCodes).FirstOrDefaultAsync();
        if (failed < limits.Value.MaxFailedAttempts)
        {
            return SecondFactorResult.Wrong;
        }

        await db.Set<UserTwoFactor>().Where(t => t.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedCodes, 0));
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + TimeSpan.FromMinutes(limits.Value.LockoutMinutes));
        }

        return SecondFactorResult.LockedOut;
    }

    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(Guid userId)
    {
        await db.Set<UserRecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync();
        var codes = Enumerable.Range(0, TwoFactorRules.RecoveryCodeCount).Select(_ => TwoFactorRules.NewRecoveryCode()).ToList();
        db.AddRange(codes.Select(c => new UserRecoveryCode { Id = Guid.NewGuid(), UserId = userId, CodeHash = TwoFactorRules.HashRecoveryCode(c) }));
        await db.SaveChangesAsync();
        return codes;
    }

    private static AuditEntry Entry(string action, Guid userId, string outcome) =>
        new(action, Purposes.Security, EntityType: "user", EntityId: userId.ToString(), Outcome: outcome);

    private static string CacheKey(Guid userId) => "two-factor:" + userId.ToString("N");
}
