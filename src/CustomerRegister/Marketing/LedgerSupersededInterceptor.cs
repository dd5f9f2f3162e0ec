using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerRegister.Marketing;

/// <summary>
/// Brings <see cref="MarketingConsent.SupersededAt"/> up to date for every person with a new ledger entry among the
/// changes about to be saved: the one place it is kept, run on every save of the register, so no writer of the ledger
/// can forget it.
/// </summary>
internal sealed class LedgerSupersededInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RegisterDbContext db)
        {
            await MarkSupersededAsync(db, cancellationToken);
        }

        return result;
    }

    private static async Task MarkSupersededAsync(RegisterDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<MarketingConsent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var subjects = added.Select(e => e.SubjectId).Distinct().ToList();
        var stored = await db.Set<MarketingConsent>().Where(c => subjects.Contains(c.SubjectId)).ToListAsync(ct);
        foreach (var ledger in stored.Concat(added).GroupBy(c => c.SubjectId))
        {
            var superseded = MarketingConsentRules.SupersededAt(ledger.Select(MarketingLedger.Fact));
            foreach (var entry in ledger)
            {
                if (entry.SupersededAt != superseded[entry.Id])
                {
                    entry.SupersededAt = superseded[entry.Id];
                }
            }
        }
    }
}
