using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Marketing;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Imports;

/// <summary>A file's counts: rows, and what was (or would be) done with them.</summary>
public sealed record ImportCounts(int Rows, int New, int Updated, int Unchanged, int Skipped, int Refused, int Banned);

/// <summary>
/// Runs one file through the register in a single transaction: every row validated by the customer use cases' own
/// rules, matched to the people already there (and to earlier rows of the same file), created, merged or skipped by the
/// batch's policy, and put at once under any kept marketing ban its addresses match (<see cref="MarketingBans"/>'
/// keyed hashes). The file is read as a stream and handled <see cref="ImportOptions.ChunkSize"/> rows at a time: new
/// records are bulk-written (the demo seeder's writers, inside this transaction), changed ones saved through EF, and the
/// change tracker emptied after each chunk, so memory does not grow with the file.
/// <para>
/// The dry run is this same run rolled back, so it cannot foretell anything other than what the import does. The real
/// run commits only when no row is refused: a file is imported whole or not at all. The per-row outcomes are kept as
/// <see cref="ImportRow"/>s either way (after a rollback, from a spool file), the report and the records' provenance.
/// </para>
/// </summary>
public sealed partial class ImportEngine(
    RegisterDbContext db, AuditLog audit, MarketingBans bans, TimeProvider clock, IOptions<ImportOptions> options, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions SpoolJson = new(JsonSerializerDefaults.General);

    private Dictionary<(MarketingChannel, string), (Guid Id, DateTime CreatedAt)> _bans = [];
    private DateTime _now;
    private ImportBatch _batch = null!;
    private bool _dryRun;

    /// <summary>
    /// Runs <paramref name="batch"/>'s file at <paramref name="path"/>; <paramref name="progress"/> hears rows done and the
    /// estimated total. Saves the batch's counts, state and row outcomes. A file refused whole leaves
    /// <see cref="ImportBatch.Problem"/> set and no rows.
    /// </summary>
    public async Task<ImportCounts> RunAsync(ImportBatch batch, string path, bool dryRun, Action<int, int>? progress, CancellationToken ct)
    {
        _batch = batch;
        _dryRun = dryRun;
        _now = clock.GetUtcNow().UtcDateTime;
        var estimate = await EstimateRowsAsync(path, ct);
        var counts = new Counter();
        var spoolPath = Path.Combine(options.Value.FolderPath, $"{batch.Id:N}.{Guid.NewGuid():N}.spool");
        FileProblem? problem = null;
        try
        {
            await using (var spool = new StreamWriter(spoolPath))
            {
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await db.Set<ImportRow>().Where(r => r.BatchId == batch.Id).ExecuteDeleteAsync(ct);
                    _bans = (await db.Set<MarketingBan>().AsNoTracking().Select(b => new { b.Channel, b.AddressHash, b.Id, b.CreatedAt }).ToListAsync(ct))
                        .ToDictionary(b => (b.Channel, Convert.ToHexString(b.AddressHash)), b => (b.Id, b.CreatedAt));
                    var writer = BulkWriter.For(db, db.Database.GetDbConnection());
                    try
                    {
                        await using var file = File.OpenRead(path);
                        foreach (var chunk in ImportFile.Read(file, batch.Kind, options.Value.MaxRows).Chunk(options.Value.ChunkSize))
                        {
                            var rows = new DemoBatch();
                            var outcomes = await ChunkAsync(chunk, rows, ct);
                            foreach (var outcome in outcomes)
                            {
                                counts.Add(outcome);

                                // The spool is the report of a run that is rolled back, where a new record never exists:
                                // its keys are not kept there.
                                var spooled = outcome.Action == RowAction.New ? Copy(outcome) : outcome;
                                await spool.WriteLineAsync(JsonSerializer.Serialize(spooled, SpoolJson));
                                if (!dryRun)
                                {
                                    rows.Add(outcome);
                                }
                            }

                            await writer.WriteAsync(rows, transaction.GetDbTransaction(), ct);
                            await db.SaveChangesAsync(ct);
                            db.ChangeTracker.Clear();
                            progress?.Invoke(counts.Rows, Math.Max(estimate, counts.Rows));
                        }
                    }
                    catch (FileProblem p)
                    {
                        problem = p;
                    }

                    var commit = !dryRun && problem is null && counts.Refused == 0;
                    if (commit)
                    {
                        await SaveBatchAsync(batch, counts, ImportState.Imported, null, ct);
                        await transaction.CommitAsync(ct);
                        return counts.ToCounts();
                    }

                    await transaction.RollbackAsync(ct);
                }
            }

            db.ChangeTracker.Clear();

            // Nothing of the run stays but its report: the outcomes are written again, outside the rolled-back work.
            await using var after = await db.Database.BeginTransactionAsync(ct);
            if (problem is null)
            {
                await SpoolToRowsAsync(spoolPath, ct);
            }

            var state = dryRun && problem is null ? ImportState.Checked : ImportState.Failed;
            var key = problem?.Key ?? (dryRun ? null : "Imports.Failed.RowsRefused");
            await SaveBatchAsync(batch, problem is null ? counts : new Counter(), state, (key, problem?.Detail ?? (key is null ? null : counts.Refused.ToString(Display.Format))), ct);
            await after.CommitAsync(ct);
            return counts.ToCounts();
        }
        finally
        {
            File.Delete(spoolPath);
        }
    }

    private async Task SaveBatchAsync(ImportBatch batch, Counter counts, ImportState state, (string? Key, string? Detail)? problem, CancellationToken ct)
    {
        var tracked = await db.Set<ImportBatch>().FirstAsync(b => b.Id == batch.Id, ct);
        tracked.Rows = counts.Rows;
        tracked.New = counts.New;
        tracked.Updated = counts.Updated;
        tracked.Unchanged = counts.Unchanged;
        tracked.Skipped = counts.Skipped;
        tracked.Refused = counts.Refused;
        tracked.Banned = counts.Banned;
        tracked.State = state;
        tracked.Problem = problem?.Key;
        tracked.ProblemDetail = problem?.Detail;
        if (state == ImportState.Imported)
        {
            tracked.ImportedAt = _now;
            tracked.ImportedBy = AuditLog.Actor(http.HttpContext?.User).Id;
        }
        else if (state == ImportState.Checked)
        {
            tracked.CheckedAt = _now;
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SpoolToRowsAsync(string spoolPath, CancellationToken ct)
    {
        var writer = BulkWriter.For(db, db.Database.GetDbConnection());
        using var reader = new StreamReader(spoolPath);
        var rows = new DemoBatch();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            rows.Add(JsonSerializer.Deserialize<ImportRow>(line, SpoolJson)!);
            if (rows.RowCount == options.Value.ChunkSize)
            {
                await writer.WriteAsync(rows, db.Database.CurrentTransaction!.GetDbTransaction(), ct);
                rows = new DemoBatch();
            }
        }

        await writer.WriteAsync(rows, db.Database.CurrentTransaction!.GetDbTransaction(), ct);
    }

    /// <summary>Lines in the file less the header: the progress bar's total (a quoted line break makes it a little high).</summary>
    private static async Task<int> EstimateRowsAsync(string path, CancellationToken ct)
    {
        var lines = 0;
        var buffer = new byte[1 << 16];
        await using var file = File.OpenRead(path);
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(lines - 1, 1);
    }

    private Task<List<ImportRow>> ChunkAsync(ImportLine[] chunk, DemoBatch rows, CancellationToken ct) => _batch.Kind switch
    {
        ImportKind.Consumers => ConsumersAsync(chunk, rows, ct),
        ImportKind.Organisations => OrganisationsAsync(chunk, rows, ct),
        _ => ContactsAsync(chunk, rows, ct),
    };

    private ImportRow Outcome(int line, RowAction action) => new() { Id = Guid.CreateVersion7(), BatchId = _batch.Id, Line = line, Action = action };

    private ImportRow Refused(int line, IEnumerable<(string Column, LocalText Reason)> reasons, MatchKind? matchedBy = null)
    {
        var row = Outcome(line, RowAction.Refused);
        row.MatchedBy = matchedBy;
        row.Reasons = ImportReasons.Join(reasons);
        return row;
    }

    private async Task<HashSet<Guid>> RestrictedAsync(IEnumerable<Guid?> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : [.. await ProcessingLimits.Active(db, LimitKind.Restriction).Where(l => ids.Contains(l.SubjectId)).Select(l => l.SubjectId).ToListAsync(ct)];
    }

    private async Task<List<Guid>> SearchTargetsAsync(SearchTarget kind, IEnumerable<string> emails, IEnumerable<string> phones, CancellationToken ct)
    {
        var emailTerms = emails.Select(ImportRowRules.EmailTerm).Distinct().ToList();
        var phoneTerms = phones.Select(ImportRowRules.PhoneTerm).Distinct().ToList();
        if (emailTerms.Count == 0 && phoneTerms.Count == 0)
        {
            return [];
        }

        var pairs = emailTerms.Select(t => (SearchIndex.EmailField, t)).Concat(phoneTerms.Select(t => (SearchIndex.PhoneField, t))).ToList();
        return await PairLookup.WherePairs<SearchEntry>(db, e => e.Field, e => e.Term, pairs).AsNoTracking()
            .Where(e => e.TargetKind == kind).Select(e => e.TargetId).Distinct().ToListAsync(ct);
    }

    /// <summary>The kept bans an address set matches, by channel (the same keyed hashes as <see cref="MarketingBans.ApplyAsync"/>).</summary>
    private List<(MarketingChannel Channel, Guid BanId, DateTime CreatedAt)> BansOf(string? email, string? phone, string? postalAddress)
    {
        var found = new List<(MarketingChannel, Guid, DateTime)>();
        void Check(MarketingChannel channel, string? address)
        {
            if (address is not null && _bans.TryGetValue((channel, Convert.ToHexString(bans.Hash(channel, address))), out var ban))
            {
                found.Add((channel, ban.Id, ban.CreatedAt));
            }
        }

        if (_bans.Count > 0)
        {
            Check(MarketingChannel.Email, email);
            Check(MarketingChannel.Sms, phone);
            Check(MarketingChannel.Phone, phone);
            Check(MarketingChannel.Post, postalAddress);
        }

        return found;
    }

    /// <summary>A new person under the kept bans their addresses match, as <see cref="MarketingBans.ApplyAsync"/> records them.</summary>
    private bool ApplyBans(DemoBatch rows, Guid subjectId, string? email, string? phone, string? postalAddress)
    {
        var matched = BansOf(email, phone, postalAddress);
        foreach (var (channel, banId, createdAt) in matched)
        {
            foreach (var purpose in MarketingConsentRules.MarketingPurposes)
            {
                db.Add(MarketingLedger.Prohibition(subjectId, channel, purpose, DataSource.OwnSystems, createdAt, MarketingBans.EvidencePrefix + banId,
                    (AuditLog.ActorSystem, null), _now));
            }

            rows.Add(audit.Event(new AuditEntry("marketing.ban.applied", Purposes.LegalObligation, subjectId, "marketing_consent", null,
                [Categories.MarketingPermission.Id])));
        }

        return matched.Count > 0;
    }

    private static bool Fill<T>(DuplicatePolicy policy, T? current, T? value, Action<T?> set)
    {
        if (value is null || Equals(current, value) || (policy == DuplicatePolicy.FillEmpty && current is not null))
        {
            return false;
        }

        set(value);
        return true;
    }

    private sealed class Counter
    {
        public int Rows { get; private set; }

        public int New { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public int Skipped { get; private set; }

        public int Refused { get; private set; }

        public int Banned { get; private set; }

        public void Add(ImportRow row)
        {
            Rows++;
            Banned += row.Banned ? 1 : 0;
            switch (row.Action)
            {
                case RowAction.New: New++; break;
                case RowAction.Updated: Updated++; break;
                case RowAction.Unchanged: Unchanged++; break;
                case RowAction.DuplicateSkipped: Skipped++; break;
                default: Refused++; break;
            }
        }

        public ImportCounts ToCounts() => new(Rows, New, Updated, Unchanged, Skipped, Refused, Banned);
    }

    private static ImportRow Copy(ImportRow row) => new()
    {
        Id = row.Id,
        BatchId = row.BatchId,
        Line = row.Line,
        Action = row.Action,
        MatchedBy = row.MatchedBy,
        RecordType = row.RecordType,
        Banned = row.Banned,
        Reasons = row.Reasons,
    };
}
