using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>
/// The lease that lets one app instance sweep at a time: taken at the start of a run, renewed in every batch's
/// transaction (a sweep that lost it stops), released at the end. Another instance takes it over once it has not been
/// renewed for <c>Retention:LeaseSeconds</c>.
/// </summary>
public sealed class SweepLease(RegisterDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const string Name = "retention-sweep";

    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TakeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var taken = await db.Set<RetentionLease>().Where(l => l.Name == Name && (l.ExpiresAt < now || l.Holder == Instance))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, Instance).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Set<RetentionLease>().AnyAsync(l => l.Name == Name, ct))
        {
            return false;
        }

        try
        {
            db.Add(new RetentionLease { Name = Name, Holder = Instance, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the lease first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task RenewAsync(CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.LeaseSeconds);
        var renewed = await db.Set<RetentionLease>().Where(l => l.Name == Name && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, until), ct);
        if (renewed == 0)
        {
            throw new InvalidOperationException("The retention lease was lost to another instance; stopping this sweep.");
        }
    }

    public async Task ReleaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RetentionLease>().Where(l => l.Name == Name && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, now), ct);
    }
}
