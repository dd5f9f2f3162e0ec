using System.Globalization;
using System.Threading.RateLimiting;
using CustomerRegister.Identity;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.OptOut;

/// <summary>
/// A fixed-window limit on presses of the opt-out page's button per client address (as <see cref="SignInLimits"/> does
/// for sign-in): the page is public, and each press costs database work. Opening the page is not limited.
/// </summary>
public sealed class OptOutLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;

    public OptOutLimits(IOptions<OptOutOptions> options)
    {
        var o = options.Value;
        _byAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = o.PermitLimit,
                Window = TimeSpan.FromSeconds(o.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one press for the client's address: true when allowed; otherwise sets Retry-After and answers false.</summary>
    public bool Acquire(HttpContext context)
    {
        using var lease = _byAddress.AttemptAcquire(SignInLimits.AddressOf(context));
        if (lease.IsAcquired)
        {
            return true;
        }

        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return false;
    }

    public void Dispose() => _byAddress.Dispose();
}
