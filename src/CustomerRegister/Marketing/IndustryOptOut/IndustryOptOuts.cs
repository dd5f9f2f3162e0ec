using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Finnish;
using CustomerRegister.Protection;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>A person a phone or post campaign would reach, with the number and address the register holds for them.</summary>
public sealed record OptOutCandidate(Guid SubjectId, string? Phone, string? Street, string? PostalCode, string? City);

/// <summary>
/// The marketing industry's opt-out lists in force (the direct-marketing association's telephone and address lists):
/// which people a phone or post campaign to consumers must leave out. Numbers and addresses are compared as keyed
/// hashes (<see cref="ProtectedCodes.Lookup"/>, purpose of their own), normalised exactly as
/// <see cref="MarketingBans"/> normalises them, so the lists are never held in clear.
/// </summary>
public sealed class IndustryOptOuts(RegisterDbContext db, ProtectedCodes codes)
{
    /// <summary>How many hashes one look-up query carries (parameter limits).</summary>
    private const int QueryBatch = 500;

    /// <summary>The subjects of <paramref name="candidates"/> whose phone number or postal address is on a list in force.</summary>
    public async Task<IReadOnlySet<Guid>> ListedAsync(IReadOnlyCollection<OptOutCandidate> candidates, CancellationToken ct)
    {
        var byHash = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var hash in new[] { PhoneHash(candidate.Phone), AddressHash(candidate.Street, candidate.PostalCode) })
            {
                if (hash is null)
                {
                    continue;
                }

                var key = Convert.ToHexString(hash);
                if (!byHash.TryGetValue(key, out var subjects))
                {
                    byHash[key] = subjects = [];
                }

                subjects.Add(candidate.SubjectId);
            }
        }

        var listed = new HashSet<Guid>();
        if (byHash.Count == 0)
        {
            return listed;
        }

        var current = db.Set<IndustryOptOutList>().Where(l => l.State == IndustryOptOutListState.Current).Select(l => l.Id);
        foreach (var part in byHash.Keys.Chunk(QueryBatch))
        {
            var hashes = part.Select(Convert.FromHexString).ToList();
            var found = await db.Set<IndustryOptOutEntry>().AsNoTracking()
                .Where(e => hashes.Contains(e.Hash) && current.Contains(e.ListId))
                .Select(e => e.Hash).ToListAsync(ct);
            foreach (var hash in found)
            {
                listed.UnionWith(byHash[Convert.ToHexString(hash)]);
            }
        }

        return listed;
    }

    /// <summary>The keyed hash of a listed value of <paramref name="kind"/>, already normalised by <see cref="Normalise"/>.</summary>
    public byte[] Hash(IndustryOptOutKind kind, string normalised) => codes.Lookup($"industry-opt-out:{kind}", normalised);

    /// <summary>
    /// A phone number as it is compared: E.164 read with the Finnish rules (<see cref="PhoneNumber"/>), then the marketing
    /// bans' normalisation of a number; null when it cannot be a number.
    /// </summary>
    public static string? NormalisePhone(string? phone)
    {
        var e164 = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.NormalizeForSearch(phone);
        return e164 is null ? null : MarketingBans.Normalise(MarketingChannel.Phone, e164);
    }

    /// <summary>
    /// A postal address as it is compared: street and postal code (the postal code decides the post office, so the city
    /// is not compared), in the marketing bans' normalisation of a postal address; null without both.
    /// </summary>
    public static string? NormaliseAddress(string? street, string? postalCode)
    {
        var address = MarketingBans.PostalAddress(street?.Trim(), postalCode?.Trim());
        return address is null ? null : MarketingBans.Normalise(MarketingChannel.Post, address);
    }

    private byte[]? PhoneHash(string? phone) =>
        NormalisePhone(phone) is { } normalised ? Hash(IndustryOptOutKind.Phone, normalised) : null;

    private byte[]? AddressHash(string? street, string? postalCode) =>
        NormaliseAddress(street, postalCode) is { } normalised ? Hash(IndustryOptOutKind.Address, normalised) : null;
}
