using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>What a load is asked for: the list's kind, its supplier and the uploaded file's name.</summary>
public sealed record IndustryOptOutLoadRequest(IndustryOptOutKind? Kind, string? Supplier, string? FileName, bool HasFile);

/// <summary>
/// Loads an opt-out list file (<see cref="IndustryOptOutFile"/>) in place of the list of its kind in force. The file is
/// streamed: rows are read, checked with the <c>Finnish/</c> rules, hashed and inserted a batch at a time under the new
/// load, which is not used until it is complete. Then one short transaction makes it the list in force and removes the
/// one it replaces, so a campaign sees the old list or the new one, never a mix. A file that cannot be read as the list
/// (a missing column, broken quoting, a row with the wrong number of fields, too many refused rows, no rows) is refused
/// whole, naming the row, and nothing of it is kept but its provenance.
/// </summary>
public sealed class IndustryOptOutLoader(RegisterDbContext db, IndustryOptOuts optOuts, TimeProvider clock, AuditLog audit)
{
    public const string AuditAction = "marketing.industry_opt_out.upload";

    /// <summary>How many refused rows are named in a load's provenance.</summary>
    public const int ListedRefusals = 100;

    /// <summary>How many hashes go into one insert statement.</summary>
    private const int InsertBatch = 500;

    /// <summary>How many rows one staging transaction writes.</summary>
    private const int CommitBatch = 10_000;

    /// <summary>
    /// How many rows may be refused one by one before the file is refused whole: ten, or one in a hundred in a longer
    /// file. More than that is not a list with a few bad numbers but the wrong file or the wrong columns.
    /// </summary>
    public static int AllowedRefusals(int rows) => Math.Max(10, rows / 100);

    public const int SupplierMaxLength = 200;

    /// <summary>Checks the request and records the load as started (<see cref="IndustryOptOutListState.Loading"/>).</summary>
    public async Task<Outcome<IndustryOptOutList>> BeginAsync(IndustryOptOutLoadRequest request, ClaimsPrincipal? user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Error.Kind"]);
        }

        var supplier = request.Supplier?.Trim() ?? "";
        if (supplier.Length == 0)
        {
            errors.Add("supplier", IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Error.Supplier"]);
        }
        else if (supplier.Length > SupplierMaxLength)
        {
            errors.Add("supplier", IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Error.SupplierLength"].Format(SupplierMaxLength));
        }

        if (!request.HasFile)
        {
            errors.Add("file", IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Error.File"]);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        await DiscardAbandonedAsync(ct);
        var fileName = Path.GetFileName(request.FileName?.Trim() ?? "");
        var list = new IndustryOptOutList
        {
            Id = Guid.CreateVersion7(),
            Kind = request.Kind!.Value,
            State = IndustryOptOutListState.Loading,
            LoadedAt = clock.GetUtcNow().UtcDateTime,
            LoadedById = AuditLog.Actor(user).Id,
            FileName = fileName.Length > 260 ? fileName[..260] : fileName,
            Supplier = supplier,
        };
        db.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }

    /// <summary>
    /// Reads <paramref name="file"/> into the load <paramref name="listId"/> and, when it is good, puts it in force.
    /// <paramref name="progress"/> is told the rows read so far.
    /// </summary>
    public async Task<IndustryOptOutList> LoadAsync(Guid listId, Stream file, Action<int>? progress, CancellationToken ct)
    {
        var list = await db.Set<IndustryOptOutList>().SingleAsync(l => l.Id == listId, ct);
        if (list.State != IndustryOptOutListState.Loading)
        {
            return list;
        }

        var refusals = new StringBuilder();
        var rows = 0;
        var refused = 0;
        var entries = 0;
        int? firstRefused = null;
        (string Reason, int? Row)? refusal = null;
        var batch = new List<byte[]>(CommitBatch);
        try
        {
            using var reader = CsvReader.Create(file, IndustryOptOutFile.ReaderOptions, leaveOpen: true);
            try
            {
                reader.ReadHeader();
                var (index, missing) = IndustryOptOutFile.Header(list.Kind, reader);
                if (missing is not null)
                {
                    Refuse(refusals, 0, missing, "Marketing.IndustryOptOut.Refused.Column");
                    refusal = ("Marketing.IndustryOptOut.Refused.Column", null);
                }
                else
                {
                    while (reader.Read())
                    {
                        rows++;
                        var row = IndustryOptOutFile.Read(list.Kind, reader, index);
                        if (row.Normalised is { } normalised)
                        {
                            batch.Add(optOuts.Hash(list.Kind, normalised));
                        }
                        else
                        {
                            refused++;
                            firstRefused ??= rows;
                            if (refused <= ListedRefusals)
                            {
                                Refuse(refusals, rows, row.Column!, row.Reason!);
                            }
                        }

                        if (batch.Count == CommitBatch)
                        {
                            entries += await InsertAsync(list.Id, batch, ct);
                            batch.Clear();
                            progress?.Invoke(rows);
                        }
                    }
                }
            }
            catch (CsvFormatException)
            {
                refusal = ("Marketing.IndustryOptOut.Refused.Malformed", rows + 1);
            }

            if (refusal is null)
            {
                entries += await InsertAsync(list.Id, batch, ct);
                progress?.Invoke(rows);
                if (rows == 0 || entries == 0)
                {
                    refusal = ("Marketing.IndustryOptOut.Refused.Empty", null);
                }
                else if (refused > AllowedRefusals(rows))
                {
                    refusal = ("Marketing.IndustryOptOut.Refused.TooMany", firstRefused);
                }
            }
        }
        catch (Exception)
        {
            await DiscardAsync(list, rows, refused, refusals, ("Marketing.IndustryOptOut.Refused.Interrupted", null));
            throw;
        }

        list.Rows = rows;
        list.RefusedRows = refused;
        list.Refusals = Truncate(refusals);
        if (refusal is not null)
        {
            await DiscardAsync(list, rows, refused, refusals, refusal.Value);
            return list;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var replaced = await db.Set<IndustryOptOutList>()
            .Where(l => l.Kind == list.Kind && l.State == IndustryOptOutListState.Current && l.Id != list.Id)
            .Select(l => l.Id).ToListAsync(ct);
        if (replaced.Count > 0)
        {
            await db.Set<IndustryOptOutEntry>().Where(e => replaced.Contains(e.ListId)).ExecuteDeleteAsync(ct);
            await db.Set<IndustryOptOutList>().Where(l => replaced.Contains(l.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.State, IndustryOptOutListState.Replaced)
                .SetProperty(l => l.ReplacedAt, now), ct);
        }

        list.State = IndustryOptOutListState.Current;
        list.Entries = entries;
        list.FinishedAt = now;
        audit.Add(new AuditEntry(AuditAction, Purposes.Marketing, null, "industry_opt_out_list", list.Id.ToString()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return list;
    }

    /// <summary>The loads newest first, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<IndustryOptOutList>> HistoryAsync(int count, CancellationToken ct) =>
        await db.Set<IndustryOptOutList>().AsNoTracking().OrderByDescending(l => l.LoadedAt).Take(count).ToListAsync(ct);

    /// <summary>The list in force of each kind that has one.</summary>
    public async Task<IReadOnlyList<IndustryOptOutList>> CurrentAsync(CancellationToken ct) =>
        await db.Set<IndustryOptOutList>().AsNoTracking().Where(l => l.State == IndustryOptOutListState.Current)
            .OrderBy(l => l.Kind).ToListAsync(ct);

    /// <summary>The staff names of the users who loaded <paramref name="lists"/>, by user id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LoadedByAsync(IEnumerable<IndustryOptOutList> lists, CancellationToken ct)
    {
        var ids = lists.Select(l => l.LoadedById).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var users = await db.Set<Identity.AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName);
    }

    public async Task<IndustryOptOutList?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<IndustryOptOutList>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);

    /// <summary>A load whose file never arrived whole (the upload broke off): marked refused as interrupted.</summary>
    public async Task AbandonAsync(Guid listId)
    {
        var list = await db.Set<IndustryOptOutList>().SingleAsync(l => l.Id == listId);
        if (list.State == IndustryOptOutListState.Loading)
        {
            await DiscardAsync(list, 0, 0, new StringBuilder(), ("Marketing.IndustryOptOut.Refused.Interrupted", null));
        }
    }

    /// <summary>
    /// A load still <see cref="IndustryOptOutListState.Loading"/> a day after it began was cut off (the application
    /// stopped under it): its staged entries go and it is marked refused as interrupted.
    /// </summary>
    private async Task DiscardAbandonedAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - AbandonedAfter;
        var abandoned = await db.Set<IndustryOptOutList>()
            .Where(l => l.State == IndustryOptOutListState.Loading && l.LoadedAt < before).ToListAsync(ct);
        foreach (var list in abandoned)
        {
            await DiscardAsync(list, list.Rows, list.RefusedRows, new StringBuilder(list.Refusals), ("Marketing.IndustryOptOut.Refused.Interrupted", null));
        }
    }

    /// <summary>How long a load may stay <see cref="IndustryOptOutListState.Loading"/> before it counts as cut off.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>A refused row in the provenance: its number, column and reason key, never its value.</summary>
    private static void Refuse(StringBuilder refusals, int row, string column, string reason) =>
        refusals.Append(row.ToString(CultureInfo.InvariantCulture)).Append(';').Append(column).Append(';').Append(reason).Append('\n');

    private static string Truncate(StringBuilder refusals) => refusals.Length <= 8000 ? refusals.ToString() : refusals.ToString(0, 8000);

    /// <summary>The refused file's staged entries removed and its provenance kept with the reason.</summary>
    private async Task DiscardAsync(IndustryOptOutList list, int rows, int refused, StringBuilder refusals, (string Reason, int? Row) refusal)
    {
        await db.Set<IndustryOptOutEntry>().Where(e => e.ListId == list.Id).ExecuteDeleteAsync(CancellationToken.None);
        list.Rows = rows;
        list.RefusedRows = refused;
        list.Refusals = Truncate(refusals);
        list.State = IndustryOptOutListState.Refused;
        list.RefusedBecause = refusal.Reason;
        list.RefusedAtRow = refusal.Row;
        list.FinishedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry(AuditAction, Purposes.Marketing, null, "industry_opt_out_list", list.Id.ToString(), Outcome: "refused"));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The hashes under the load in one transaction, a hash already there (a duplicate row) left as it is; the count inserted.</summary>
    private async Task<int> InsertAsync(Guid listId, IReadOnlyList<byte[]> hashes, CancellationToken ct)
    {
        if (hashes.Count == 0)
        {
            return 0;
        }

        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = model.FindEntityType(typeof(IndustryOptOutEntry))!;
        var list = entity.FindProperty(nameof(IndustryOptOutEntry.ListId))!;
        var hash = entity.FindProperty(nameof(IndustryOptOutEntry.Hash))!;
        var columns = $"{sql.DelimitIdentifier(list.GetColumnName())}, {sql.DelimitIdentifier(hash.GetColumnName())}";
        var inserted = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var part in hashes.Chunk(InsertBatch))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({columns}) VALUES "
                                  + string.Join(", ", part.Select((_, i) => $"(@l, @h{i})"))
                                  + $" ON CONFLICT ({sql.DelimitIdentifier(hash.GetColumnName())}, {sql.DelimitIdentifier(list.GetColumnName())}) DO NOTHING";
            command.Parameters.Add(list.GetRelationalTypeMapping().CreateParameter(command, "l", listId));
            for (var i = 0; i < part.Length; i++)
            {
                command.Parameters.Add(hash.GetRelationalTypeMapping().CreateParameter(command, $"h{i}", part[i]));
            }

            inserted += await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return inserted;
    }
}
