using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Marketing;
using CustomerRegister.Protection;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Erasure;

/// <summary>
/// Marketing prohibitions kept as keyed hashes of addresses: written when a person with a prohibition in force is
/// erased, and applied to every new or changed address, so the register cannot bring the person back into marketing.
/// </summary>
public sealed class MarketingBans(RegisterDbContext db, ProtectedCodes codes, TimeProvider clock, AuditLog audit)
{
    public const string EvidencePrefix = "marketing_ban:";

    /// <summary>The addresses a channel reaches a person at, as the register stores them.</summary>
    public sealed record Addresses(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<string> PostalAddresses)
    {
        public IReadOnlyList<string> For(MarketingChannel channel) => channel switch
        {
            MarketingChannel.Email => Emails,
            MarketingChannel.Post => PostalAddresses,
            _ => Phones,
        };
    }

    public static string? PostalAddress(string? street, string? postalCode) =>
        string.IsNullOrWhiteSpace(street) || string.IsNullOrWhiteSpace(postalCode) ? null : $"{street}|{postalCode}";

    public byte[] Hash(MarketingChannel channel, string address) => codes.Lookup($"marketing-ban:{channel}", Normalise(channel, address));

    public async Task<Addresses> AddressesOfAsync(Guid subjectId, CancellationToken ct)
    {
        var consumers = await db.Set<Customers.Consumer>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.Email, c.Phone, c.Street, c.PostalCode }).ToListAsync(ct);
        var contacts = await db.Set<Customers.ContactPerson>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.Email, c.Phone }).ToListAsync(ct);
        return new Addresses(
            [.. consumers.Select(c => c.Email).Concat(contacts.Select(c => c.Email)).OfType<string>().Distinct()],
            [.. consumers.Select(c => c.Phone).Concat(contacts.Select(c => c.Phone)).OfType<string>().Distinct()],
            [.. consumers.Select(c => PostalAddress(c.Street, c.PostalCode)).OfType<string>().Distinct()]);
    }

    /// <summary>Channels on which the person has a prohibition in force for any marketing purpose.</summary>
    public static IReadOnlyList<MarketingChannel> ProhibitedChannels(SubjectKind kind, IReadOnlyList<ConsentFact> ledger) =>
        [.. MarketingConsentRules.ContactChannels.Where(ch => MarketingConsentRules.MarketingPurposes
            .Any(p => MarketingConsentRules.Decide(kind, ch, p, ledger).Reason == ConsentReasons.Prohibited))];

    /// <summary>Keeps the person's prohibitions as keyed hashes before their ledger goes; the caller saves.</summary>
    public async Task<IReadOnlyList<MarketingChannel>> KeepAsync(Guid subjectId, CancellationToken ct)
    {
        var kind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return [];
        }

        var facts = (await MarketingLedger.EntriesAsync(db, subjectId, ct)).Select(MarketingLedger.Fact).ToList();
        var channels = ProhibitedChannels(kind.Value, facts);
        var addresses = await AddressesOfAsync(subjectId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = new List<MarketingChannel>();
        foreach (var channel in channels)
        {
            foreach (var address in addresses.For(channel))
            {
                var hash = Hash(channel, address);
                if (!await db.Set<MarketingBan>().AnyAsync(b => b.Channel == channel && b.AddressHash == hash, ct)
                    && !db.ChangeTracker.Entries<MarketingBan>().Any(e => e.Entity.Channel == channel && e.Entity.AddressHash.SequenceEqual(hash)))
                {
                    db.Add(new MarketingBan { Id = Guid.CreateVersion7(), Channel = channel, AddressHash = hash, CreatedAt = now });
                }

                kept.Add(channel);
            }
        }

        return [.. kept.Distinct()];
    }

    /// <summary>
    /// Puts a person under every kept prohibition their addresses match: a prohibition entry per marketing purpose on
    /// that channel, recorded by the system with the ban as evidence. The caller saves.
    /// </summary>
    public async Task<int> ApplyAsync(Guid subjectId, string? email, string? phone, string? postalAddress, CancellationToken ct)
    {
        var candidates = new List<(MarketingChannel Channel, byte[] Hash)>();
        if (email is not null)
        {
            candidates.Add((MarketingChannel.Email, Hash(MarketingChannel.Email, email)));
        }

        if (phone is not null)
        {
            candidates.Add((MarketingChannel.Sms, Hash(MarketingChannel.Sms, phone)));
            candidates.Add((MarketingChannel.Phone, Hash(MarketingChannel.Phone, phone)));
        }

        if (postalAddress is not null)
        {
            candidates.Add((MarketingChannel.Post, Hash(MarketingChannel.Post, postalAddress)));
        }

        var added = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (channel, hash) in candidates)
        {
            var ban = await db.Set<MarketingBan>().AsNoTracking().FirstOrDefaultAsync(b => b.Channel == channel && b.AddressHash == hash, ct);
            var evidence = EvidencePrefix + ban?.Id;
            if (ban is null || await db.Set<MarketingConsent>().AnyAsync(c => c.SubjectId == subjectId && c.Evidence == evidence, ct))
            {
                continue;
            }

            foreach (var purpose in MarketingConsentRules.MarketingPurposes)
            {
                var entry = MarketingLedger.Prohibition(subjectId, channel, purpose, DataSource.OwnSystems, ban.CreatedAt, evidence,
                    (AuditLog.ActorSystem, null), now);
                db.Add(entry);
                added++;
            }

            audit.Add(new AuditEntry("marketing.ban.applied", Purposes.LegalObligation, subjectId, "marketing_consent", null,
                [Categories.MarketingPermission.Id]));
        }

        return added;
    }

    private static string Normalise(MarketingChannel channel, string address) => channel switch
    {
        MarketingChannel.Email => address.Trim().ToLowerInvariant(),
        MarketingChannel.Post => SearchText.Fold(address).Replace(" ", "", StringComparison.Ordinal),
        _ => new string([.. address.Where(c => char.IsAsciiDigit(c) || c == '+')]),
    };
}
