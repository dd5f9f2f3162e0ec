using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Vehicles;

/// <summary>
/// The owner's identity code on a scrapping certificate is kept only while the deregistration needs it (Tietosuojalaki
/// 1050/2018 § 29; GDPR Art 5(1)(c)): emptied (cipher, keyed hash and mask) once the deregistration is recorded, at the
/// latest <see cref="VehiclesOptions.IdentityCodeDays"/> after issue — a code issued on day D is kept through D + days
/// and emptied on the next Helsinki day. The certificate stays for its own waste-record period. A legal hold on the
/// person or the certificate, or an open debt-collection case of the person, keeps the code like it keeps other items.
/// The retention sweep calls <see cref="EmptyDueAsync"/>; its preview <see cref="CountDueAsync"/>.
/// </summary>
public sealed class IdentityCodeExpiry(RegisterDbContext db, IOptions<VehiclesOptions> options, TimeProvider clock)
{
    public const string Table = "scrapping_certificates";

    public static RetentionRule Rule => RetentionRule.IdentityCodeOnCertificate;

    /// <summary>
    /// On <paramref name="today"/>, codes issued before the returned date are due: one issued on D is kept through
    /// D + <paramref name="days"/> and due on the day after.
    /// </summary>
    public static DateOnly DueIfIssuedBefore(DateOnly today, int days) => today.AddDays(-days);

    /// <summary>Certificates still holding a code that is due on <paramref name="today"/> (a Helsinki date) and nothing holds.</summary>
    public async Task<int> EmptyDueAsync(DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await NotHeld(Due(today)).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.IdentityCodeCipher, (byte[]?)null)
            .SetProperty(c => c.IdentityCodeLookup, (byte[]?)null)
            .SetProperty(c => c.IdentityCodeMasked, (string?)null)
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.UpdatedAt, now), ct);
    }

    /// <summary>How many codes are due on <paramref name="today"/>, and how many of them a hold keeps.</summary>
    public async Task<(long Due, long Held)> CountDueAsync(DateOnly today, CancellationToken ct)
    {
        var all = await Due(today).LongCountAsync(ct);
        var held = all == 0 ? 0 : all - await NotHeld(Due(today)).LongCountAsync(ct);
        return (all - held, held);
    }

    /// <summary>The sweep's and the preview's line for <paramref name="due"/> codes emptied (or to empty) and <paramref name="held"/> kept.</summary>
    public DueLine Line(long due, long held) => new(Table, [Categories.IdentityCode.Id], Rule.Id,
        $"{Rule.Id}: until the deregistration is recorded, at most {options.Value.IdentityCodeDays} days from {Rule.StartingEvent.In("en")} ({Rule.Law})",
        due, held);

    private IQueryable<ScrappingCertificate> Due(DateOnly today)
    {
        var issuedBefore = DueIfIssuedBefore(today, options.Value.IdentityCodeDays);
        return db.Set<ScrappingCertificate>()
            .Where(c => c.IdentityCodeCipher != null && (c.IssueDate < issuedBefore || c.DeregisteredOn != null));
    }

    private IQueryable<ScrappingCertificate> NotHeld(IQueryable<ScrappingCertificate> certificates) => certificates
        .Where(c => !db.Set<LegalHold>().Any(h => h.ReleasedAt == null && (h.SubjectId == c.SubjectId || h.RowId == c.Id))
                    && !db.Set<CollectionCase>().Any(k => k.ClosedAt == null && k.SubjectId == c.SubjectId));
}
