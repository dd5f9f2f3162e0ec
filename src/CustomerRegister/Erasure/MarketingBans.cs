using System.Data.Common;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Marketing;
using CustomerRegister.Protection;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Erasure;

/// <summary>
/// Marketing refusals kept as keyed hashes of addresses: written when a person with a refusal in force is erased or
/// their profile is purged by the retention sweep, and applied to every new or changed address of a consumer, contact
/// person or sole trader, so the register cannot bring the person back into marketing.
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

    /// <summary>The addresses of each of <paramref name="subjectIds"/> as the register stores them.</summary>
    public async Task<Dictionary<Guid, Addresses>> AddressesOfAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var consumers = await db.Set<Customers.Consumer>().AsNoTracking().Where(c => subjectIds.Contains(c.SubjectId))
            .Select(c => new { c.SubjectId, c.Email, c.Phone, Postal = PostalAddress(c.Street, c.PostalCode) }).ToListAsync(ct);
        var contacts = await db.Set<Customers.ContactPerson>().AsNoTracking().Where(c => subjectIds.Contains(c.SubjectId))
            .Select(c => new { c.SubjectId, c.Email, c.Phone, Postal = (string?)null }).ToListAsync(ct);

        // A sole trader's business address is where post reaches the person behind the business.
        var soleTraders = await db.Set<Customers.Organisation>().AsNoTracking()
            .Where(o => o.SubjectId != null && subjectIds.Contains(o.SubjectId.Value))
            .Select(o => new { SubjectId = o.SubjectId!.Value, Email = (string?)null, Phone = (string?)null, Postal = PostalAddress(o.Street, o.PostalCode) })
            .ToListAsync(ct);
        return consumers.Concat(contacts).Concat(soleTraders).GroupBy(a => a.SubjectId).ToDictionary(g => g.Key, g => new Addresses(
            [.. g.Select(a => a.Email).OfType<string>().Distinct()],
            [.. g.Select(a => a.Phone).OfType<string>().Distinct()],
            [.. g.Select(a => a.Postal).OfType<string>().Distinct()]));
    }

    /// <summary>
    /// Keeps the refusals (<see cref="MarketingConsentRules.RefusedChannels"/>) of the people <paramref name="match"/>
    /// selects (an SQL condition on a subject key, e.g. <c>= @subject</c> or <c>IN (SELECT …)</c>, parameters from
    /// <paramref name="bind"/>) as keyed hashes of their addresses, in the caller's transaction and before their addresses
    /// or ledger go: the one place both erasure and the retention purge keep bans. Only people with a refusal-kind entry
    /// in force are read (an indexed look-up on the ledger); their hashes are inserted in one statement. Returns the
    /// channels kept.
    /// </summary>
    public async Task<IReadOnlyList<MarketingChannel>> KeepAsync(string match, Action<DbCommand> bind, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bans are kept inside the transaction that erases or purges the people.");
        }

        var bans = await RefusalsAsync(match, bind, ct);
        if (bans.Count > 0)
        {
            await InsertAsync(db.GetService<IDesignTimeModel>().Model, db.GetService<ISqlGenerationHelper>(), [.. bans], ct);
        }

        return [.. bans.Select(b => b.Channel).Distinct().Order()];
    }

    /// <summary>The channels <see cref="KeepAsync"/> would keep as bans, read without writing anything (the erasure dry run).</summary>
    public async Task<IReadOnlyList<MarketingChannel>> RefusedChannelsAsync(string match, Action<DbCommand> bind, CancellationToken ct) =>
        [.. (await RefusalsAsync(match, bind, ct)).Select(b => b.Channel).Distinct().Order()];

    private async Task<HashSet<(MarketingChannel Channel, string Hash)>> RefusalsAsync(string match, Action<DbCommand> bind, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var ledger = model.FindEntityType(typeof(MarketingConsent))!;
        string Column(IEntityType e, string property) => sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName());
        var kinds = string.Join(", ", MarketingConsentRules.RefusalKinds.Select(k => $"'{k}'"));
        var candidates = new List<Guid>();
        await using (var command = Command($"SELECT DISTINCT {Column(ledger, nameof(MarketingConsent.SubjectId))} "
                                           + $"FROM {sql.DelimitIdentifier(ledger.GetTableName()!)} "
                                           + $"WHERE {Column(ledger, nameof(MarketingConsent.SubjectId))} {match} "
                                           + $"AND {Column(ledger, nameof(MarketingConsent.SupersededAt))} IS NULL "
                                           + $"AND {Column(ledger, nameof(MarketingConsent.Kind))} IN ({kinds})"))
        {
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                candidates.Add(reader.GetGuid(0));
            }
        }

        var bans = new HashSet<(MarketingChannel Channel, string Hash)>();
        if (candidates.Count == 0)
        {
            return bans;
        }

        var kindOf = await db.Set<Subject>().AsNoTracking().Where(s => candidates.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Kind, ct);
        var facts = (await db.Set<MarketingConsent>().AsNoTracking().Where(c => candidates.Contains(c.SubjectId)).ToListAsync(ct))
            .ToLookup(c => c.SubjectId, MarketingLedger.Fact);
        var addresses = await AddressesOfAsync(candidates, ct);
        foreach (var subjectId in candidates.Where(kindOf.ContainsKey))
        {
            if (!addresses.TryGetValue(subjectId, out var of))
            {
                continue;
            }

            foreach (var channel in MarketingConsentRules.RefusedChannels(kindOf[subjectId], [.. facts[subjectId]]))
            {
                foreach (var address in of.For(channel))
                {
                    bans.Add((channel, Convert.ToHexString(Hash(channel, address))));
                }
            }
        }

        return bans;
    }

    /// <summary>The bans in one statement per few hundred (parameter limits), an address already banned left as it is.</summary>
    private async Task InsertAsync(IModel model, ISqlGenerationHelper sql, IReadOnlyList<(MarketingChannel Channel, string Hash)> bans,
        CancellationToken ct)
    {
        var entity = model.FindEntityType(typeof(MarketingBan))!;
        var id = entity.FindProperty(nameof(MarketingBan.Id))!;
        var channel = entity.FindProperty(nameof(MarketingBan.Channel))!;
        var hash = entity.FindProperty(nameof(MarketingBan.AddressHash))!;
        var created = entity.FindProperty(nameof(MarketingBan.CreatedAt))!;
        var columns = string.Join(", ", new[] { id, channel, hash, created }.Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        var conflict = $"{sql.DelimitIdentifier(channel.GetColumnName())}, {sql.DelimitIdentifier(hash.GetColumnName())}";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var part in bans.Chunk(500))
        {
            await using var command = Command($"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({columns}) VALUES "
                                              + string.Join(", ", part.Select((_, i) => $"(@i{i}, @c{i}, @h{i}, @t{i})"))
                                              + $" ON CONFLICT ({conflict}) DO NOTHING");
            for (var i = 0; i < part.Length; i++)
            {
                command.Parameters.Add(id.GetRelationalTypeMapping().CreateParameter(command, $"i{i}", Guid.CreateVersion7()));
                command.Parameters.Add(channel.GetRelationalTypeMapping().CreateParameter(command, $"c{i}", part[i].Channel));
                command.Parameters.Add(hash.GetRelationalTypeMapping().CreateParameter(command, $"h{i}", Convert.FromHexString(part[i].Hash)));
                command.Parameters.Add(created.GetRelationalTypeMapping().CreateParameter(command, $"t{i}", now));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand Command(string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        return command;
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

    /// <summary>
    /// An address as it is hashed: an email lower-cased, a postal address (<see cref="PostalAddress"/>) folded without
    /// spaces, a number its digits and <c>+</c>. The industry opt-out lists compare with the same normalisation.
    /// </summary>
    public static string Normalise(MarketingChannel channel, string address) => channel switch
    {
        MarketingChannel.Email => address.Trim().ToLowerInvariant(),
        MarketingChannel.Post => SearchText.Fold(address).Replace(" ", "", StringComparison.Ordinal),
        _ => new string([.. address.Where(c => char.IsAsciiDigit(c) || c == '+')]),
    };
}
