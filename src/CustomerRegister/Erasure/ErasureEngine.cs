using System.Data.Common;
using System.Globalization;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Marketing;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Erasure;

public sealed record ErasedItems(string Table, IReadOnlyList<string> Categories, long Count, string Action);

public sealed record KeptItems(
    string Table, IReadOnlyList<string> Categories, long Count, string Reason, DateOnly? DueDate, string? DueNote,
    IReadOnlyList<string> EmptiedCategories);

/// <summary>What one erasure did, in tables, categories and counts: the body of the certificate.</summary>
public sealed record ErasureOutcome(
    IReadOnlyList<ErasedItems> Erased, IReadOnlyList<KeptItems> Kept, IReadOnlyList<MarketingChannel> MarketingBans, IReadOnlyList<string> Files)
{
    public IReadOnlyList<string> Tables => [.. Erased.Select(e => e.Table).Concat(Kept.Where(k => k.EmptiedCategories.Count > 0).Select(k => k.Table)).Distinct()];
}

/// <summary>
/// Erases one person (Art 17) by walking the catalogue: every table <see cref="SubjectRows"/> finds for them is judged
/// by <see cref="ErasureRules"/> and deleted, anonymised or kept restricted, with set-based statements on the indexed
/// subject key, so the cost follows the person's data and not the register's size. It runs inside the caller's
/// transaction: a failure anywhere leaves nothing done, and the same call can simply be made again.
/// </summary>
public sealed class ErasureEngine(RegisterDbContext db, MarketingBans bans, Retention.RetentionDates dates)
{
    /// <summary>Stored files (recordings) whose rows were deleted: the caller removes them once the transaction committed.</summary>
    private readonly List<string> _files = [];

    private sealed record Plan(SubjectTable Table, TableFate Fate, IReadOnlyList<DataCategory> Categories,
        IReadOnlyList<(IProperty Property, ColumnFate Fate)> Columns);

    public async Task<ErasureOutcome> EraseAsync(Guid subjectId, DateOnly today, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Erasure runs inside a transaction, so that it is done wholly or not at all.");
        }

        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var openCase = await db.Set<CollectionCase>().AnyAsync(c => c.SubjectId == subjectId && c.ClosedAt == null, ct);
        var plans = SubjectRows.Tables(model, sql, derived: true, owned: true).Select(t => PlanFor(t, openCase)).ToList();
        var mapping = model.FindEntityType(typeof(Subject))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping();
        void Bind(DbCommand c) => c.Parameters.Add(mapping.CreateParameter(c, SubjectRows.Parameter, subjectId));

        // The refusals must be hashed while the addresses and the ledger are still there.
        var banned = await bans.KeepAsync("= " + sql.GenerateParameterNamePlaceholder(SubjectRows.Parameter), Bind, ct);
        var (erased, kept) = await ApplyAsync(plans, Bind, openCase, today, write: true, ct);
        return new ErasureOutcome(erased, kept, banned, [.. _files]);
    }

    /// <summary>
    /// The dry run of <see cref="EraseAsync"/>: the same plans, judged by the same rules and the same conditions, answered
    /// with counts instead of deletes and updates — so it writes nothing (no transaction is taken; each statement reads)
    /// and foretells the certificate table by table. Rows a kept record points at are foreseen as the real run finds
    /// them: a child table's rows that the erasure deletes do not hold their parent back, the others do.
    /// </summary>
    public async Task<ErasureOutcome> PreviewAsync(Guid subjectId, DateOnly today, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var openCase = await db.Set<CollectionCase>().AnyAsync(c => c.SubjectId == subjectId && c.ClosedAt == null, ct);
            var plans = SubjectRows.Tables(model, sql, derived: true, owned: true).Select(t => PlanFor(t, openCase)).ToList();
            var mapping = model.FindEntityType(typeof(Subject))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping();
            void Bind(DbCommand c) => c.Parameters.Add(mapping.CreateParameter(c, SubjectRows.Parameter, subjectId));

            var banned = await bans.RefusedChannelsAsync("= " + sql.GenerateParameterNamePlaceholder(SubjectRows.Parameter), Bind, ct);
            var (erased, kept) = await ApplyAsync(plans, Bind, openCase, today, write: false, ct);
            return new ErasureOutcome(erased, kept, banned, []);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Erases, for a set of people selected by <paramref name="match"/> (see <see cref="SubjectRows.Tables"/>), the tables
    /// whose every category <paramref name="includes"/> accepts — the retention sweep's "the profile goes at its own due
    /// date" — in the caller's transaction. People with a hold are to be left out of the set by the caller. Their
    /// marketing refusals are kept as bans first (<see cref="MarketingBans.KeepAsync"/>), in the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<ErasedItems>> PurgeAsync(string match, Action<DbCommand> bind, Func<DataCategory, bool> includes,
        DateOnly today, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A purge runs inside a transaction.");
        }

        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var plans = SubjectRows.Tables(model, sql, derived: true, owned: true, match).Select(t => PlanFor(t, openCase: false))
            .Where(p => p.Categories.All(includes)).ToList();
        await bans.KeepAsync(match, bind, ct);
        var (erased, _) = await ApplyAsync(plans, bind, openCase: false, today, write: true, ct);
        return erased;
    }

    private async Task<(List<ErasedItems> Erased, List<KeptItems> Kept)> ApplyAsync(
        IReadOnlyList<Plan> plans, Action<DbCommand> subjectId, bool openCase, DateOnly today, bool write, CancellationToken ct)
    {
        var deleting = plans.Where(p => p.Fate == TableFate.Delete).ToDictionary(p => p.Table.Entity);
        var erased = new List<ErasedItems>();
        var kept = new List<KeptItems>();
        foreach (var plan in ChildrenFirst(plans))
        {
            var categories = plan.Categories.Select(c => c.Id).ToList();
            switch (plan.Fate)
            {
                case TableFate.Restrict:
                    var (count, due, note) = await MeasureAsync(plan, subjectId, today, ct);
                    if (count == 0)
                    {
                        continue;
                    }

                    var emptied = plan.Columns.Where(c => c.Fate != ColumnFate.Keep).Select(c => SubjectRows.CategoryOf(c.Property)!.Id)
                        .Distinct().ToList();
                    if (write)
                    {
                        await ClearAsync(plan, subjectId, relink: false, ct);
                    }

                    var reasons = plan.Categories.Select(c => ErasureRules.KeptBecause(c, openCase)).Where(r => r.Length > 0).Distinct();
                    kept.Add(new KeptItems(plan.Table.Table, categories, count, string.Join("; ", reasons), due, note, emptied));
                    break;
                case TableFate.Delete:
                    // Deleted rows are counted by the delete itself: no separate count, which would read every row twice.
                    var (deleted, guarded, voucherFree) = write
                        ? await DeleteAsync(plan, subjectId, ct)
                        : await CountDeletedAsync(plan, deleting, subjectId, ct);
                    if (deleted > 0)
                    {
                        erased.Add(new ErasedItems(plan.Table.Table, categories, deleted, "deleted"));
                    }

                    if (guarded)
                    {
                        // Rows a kept record still points at (a consumer named on a scrapping certificate) stay as empty shells.
                        var shells = write
                            ? await ClearAsync(plan, subjectId, relink: false, ct, voucherFree)
                            : await CountClearedAsync(plan, relink: false, subjectId,
                                string.Join(" AND ", new[] { $"NOT ({Deleted(plan, deleting, 0)})", voucherFree }.OfType<string>()), ct);
                        if (shells > 0)
                        {
                            erased.Add(new ErasedItems(plan.Table.Table, categories, shells, "emptied"));
                        }
                    }

                    if (voucherFree is not null && await CountAsync(plan, subjectId, $"NOT ({voucherFree})", ct) is > 0 and var whole)
                    {
                        // Rows a voucher rests on (an invoice's customer relationship) stay whole as long as the voucher does.
                        kept.Add(new KeptItems(plan.Table.Table, categories, whole, ErasureRules.VoucherReference, null,
                            ErasureRules.VoucherReferenceNote, []));
                    }

                    break;
            }
        }

        // Unlinking changes the subject key the other tables' conditions follow, so it comes last.
        foreach (var plan in ChildrenFirst(plans).Where(p => p.Fate == TableFate.Anonymise))
        {
            var count = write ? await ClearAsync(plan, subjectId, relink: true, ct) : await CountClearedAsync(plan, relink: true, subjectId, null, ct);
            if (count > 0)
            {
                erased.Add(new ErasedItems(plan.Table.Table, [.. plan.Categories.Select(c => c.Id)], count, "anonymised"));
            }
        }

        return (erased, kept);
    }

    private static Plan PlanFor(SubjectTable table, bool openCase)
    {
        var properties = table.Entity.GetProperties().Where(p => SubjectRows.CategoryOf(p) is not null).ToList();
        var categories = properties.Select(p => SubjectRows.CategoryOf(p)!).Distinct().ToList();
        var fate = ErasureRules.Fate(categories, openCase);
        return new Plan(table, fate, categories,
            [.. properties.Select(p => (p, ErasureRules.Column(SubjectRows.CategoryOf(p)!, fate, openCase)))]);
    }

    private static IEnumerable<Plan> ChildrenFirst(IReadOnlyList<Plan> plans) => SubjectRows.ChildrenFirst(plans, p => p.Table.Entity);

    /// <summary>A restricted table's rows of the person: how many, when the last of them is due, and why.</summary>
    private async Task<(long Count, DateOnly? Due, string? Note)> MeasureAsync(Plan plan, Action<DbCommand> subjectId, DateOnly today, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(plan.Table.Table);
        var startProperty = plan.Table.Entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value is string name
            ? plan.Table.Entity.FindProperty(name)
            : null;
        var start = startProperty is null ? "NULL" : sql.DelimitIdentifier(startProperty.GetColumnName());
        await using var command = Command($"SELECT COUNT(*), MAX({start}), COUNT({start}) FROM {table} WHERE {plan.Table.Condition}", subjectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var count = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return (count, null, null);
        }

        var rule = plan.Categories.Any(c => c.Erasure == ErasureAction.RestrictUntilDue)
            ? Retention.RetentionPlan.RuleOf(plan.Table.Entity, plan.Categories)
            : null;
        if (rule is null)
        {
            return (count, null, "until the debt-collection case closes");
        }

        var latest = Retention.RetentionDates.AsDate(reader.GetValue(1));
        var open = count - Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);

        // A request still being answered (this one) counts from today, the earliest it can close.
        if (open > 0 && rule == RetentionRule.RightsRequest)
        {
            latest = latest is { } l && l > today ? l : today;
            open = 0;
        }

        var due = latest is { } s
            ? dates.DueFrom(rule, s, startProperty?.Name == nameof(Invoice.FinancialYearEnd))
            : null;
        var note = open > 0 ? $"{open} counted from {rule.StartingEvent}, which has not happened yet ({dates.PeriodOf(rule).In("en")} from then)"
            : due is null ? $"{dates.PeriodOf(rule).In("en")} from {rule.StartingEvent}" : null;
        return (count, due, note);
    }

    /// <summary>
    /// Deletes the plan's rows; <c>Guarded</c> says whether rows other tables must keep pointing at were left,
    /// <c>VoucherFree</c> is the condition of rows no voucher rests on (null when no voucher can point at the table).
    /// </summary>
    private async Task<(long Deleted, bool Guarded, string? VoucherFree)> DeleteAsync(Plan plan, Action<DbCommand> subjectId, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = plan.Table.Entity;
        var table = sql.DelimitIdentifier(plan.Table.Table);
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var guards = new List<string>();
        var vouchers = new List<string>();
        foreach (var fk in entity.GetReferencingForeignKeys().Where(f => f.Properties.Count == 1))
        {
            var child = sql.DelimitIdentifier(fk.DeclaringEntityType.GetTableName()!);
            var column = sql.DelimitIdentifier(fk.Properties[0].GetColumnName());
            if (fk.FindAnnotation(CatalogModelExtensions.KeepsPrincipalAnnotation) is not null)
            {
                vouchers.Add($"NOT EXISTS (SELECT 1 FROM {child} WHERE {child}.{column} = {table}.{key})");
            }
            else if (fk.IsRequired)
            {
                guards.Add($"NOT EXISTS (SELECT 1 FROM {child} WHERE {child}.{column} = {table}.{key})");
            }
            else if (fk.DeleteBehavior != DeleteBehavior.SetNull)
            {
                // An optional link to the person (a payment naming the consumer) is cut, the row stays. A link declared
                // ON DELETE SET NULL (an organisation's service event naming its contact) the database cuts itself.
                await ExecuteAsync($"UPDATE {child} SET {column} = NULL WHERE {column} IN (SELECT {key} FROM {table} WHERE {plan.Table.Condition})",
                    subjectId, ct);
            }
        }

        var voucherFree = vouchers.Count == 0 ? null : string.Join(" AND ", vouchers);
        var where = string.Join(" AND ", guards.Concat(vouchers).Prepend($"({plan.Table.Condition})"));
        if (entity.FindProperty(nameof(Recordings.CallRecording.StorageKey)) is not { } file)
        {
            return (await ExecuteAsync($"DELETE FROM {table} WHERE {where}", subjectId, ct), guards.Count > 0, voucherFree);
        }

        await using var command = Command($"DELETE FROM {table} WHERE {where} RETURNING {sql.DelimitIdentifier(file.GetColumnName())}", subjectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            _files.Add(reader.GetString(0));
            count++;
        }

        return (count, guards.Count > 0, voucherFree);
    }

    /// <summary>The dry run of <see cref="DeleteAsync"/>: how many rows it would delete, with the same two answers beside.</summary>
    private async Task<(long Deleted, bool Guarded, string? VoucherFree)> CountDeletedAsync(
        Plan plan, IReadOnlyDictionary<IEntityType, Plan> deleting, Action<DbCommand> subjectId, CancellationToken ct)
    {
        var (guards, vouchers) = Guards(plan.Table.Entity, deleting, 0);
        var voucherFree = vouchers.Count == 0 ? null : string.Join(" AND ", vouchers);
        return (await CountAsync(plan, subjectId, Deleted(plan, deleting, 0), ct), guards.Count > 0, voucherFree);
    }

    /// <summary>
    /// The condition (on the plan's table, unaliased) of the rows the erasure deletes: the person's rows that neither a
    /// surviving row of a required reference nor a voucher points at. A referencing row survives unless its own table is
    /// deleted too and the row itself is deleted — followed a few levels down, then taken as surviving (never too many).
    /// </summary>
    private string Deleted(Plan plan, IReadOnlyDictionary<IEntityType, Plan> deleting, int depth)
    {
        var (guards, vouchers) = Guards(plan.Table.Entity, deleting, depth);
        return string.Join(" AND ", guards.Concat(vouchers).Prepend($"({plan.Table.Condition})"));
    }

    private (List<string> Guards, List<string> Vouchers) Guards(IEntityType entity, IReadOnlyDictionary<IEntityType, Plan> deleting, int depth)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var guards = new List<string>();
        var vouchers = new List<string>();
        foreach (var fk in entity.GetReferencingForeignKeys().Where(f => f.Properties.Count == 1))
        {
            var child = sql.DelimitIdentifier(fk.DeclaringEntityType.GetTableName()!);
            var column = sql.DelimitIdentifier(fk.Properties[0].GetColumnName());
            var refers = $"SELECT 1 FROM {child} WHERE {child}.{column} = {table}.{key}";
            if (fk.FindAnnotation(CatalogModelExtensions.KeepsPrincipalAnnotation) is not null)
            {
                vouchers.Add($"NOT EXISTS ({refers})");
            }
            else if (fk.IsRequired)
            {
                guards.Add(deleting.TryGetValue(fk.DeclaringEntityType, out var gone) && depth < 3 && fk.DeclaringEntityType != entity
                    ? $"NOT EXISTS ({refers} AND NOT ({Deleted(gone, deleting, depth + 1)}))"
                    : $"NOT EXISTS ({refers})");
            }
        }

        return (guards, vouchers);
    }

    /// <summary>The dry run of <see cref="ClearAsync"/>: how many rows it would empty or unlink.</summary>
    private async Task<long> CountClearedAsync(Plan plan, bool relink, Action<DbCommand> subjectId, string? only, CancellationToken ct) =>
        Sets(plan, relink).Count == 0 ? 0 : await CountAsync(plan, subjectId, only ?? "1 = 1", ct);

    private async Task<long> CountAsync(Plan plan, Action<DbCommand> subjectId, string condition, CancellationToken ct)
    {
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(plan.Table.Table);
        await using var command = Command($"SELECT COUNT(*) FROM {table} WHERE ({plan.Table.Condition}) AND {condition}", subjectId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Empties (or unlinks) the plan's rows; <paramref name="only"/> narrows them (rows no voucher rests on).</summary>
    private async Task<long> ClearAsync(Plan plan, Action<DbCommand> subjectId, bool relink, CancellationToken ct, string? only = null)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sets = Sets(plan, relink);
        if (sets.Count == 0)
        {
            return 0;
        }

        if (relink && plan.Table.Entity.FindProperty(nameof(SubjectRecord.SubjectId)) is { IsNullable: false })
        {
            await EnsureAnonymisedSubjectAsync(ct);
        }

        var where = only is null ? plan.Table.Condition : $"({plan.Table.Condition}) AND {only}";
        return await ExecuteAsync($"UPDATE {sql.DelimitIdentifier(plan.Table.Table)} SET {string.Join(", ", sets)} WHERE {where}",
            subjectId, ct, anonymised: relink);
    }

    /// <summary>The assignments that empty (and, with <paramref name="relink"/>, unlink) the plan's rows.</summary>
    private List<string> Sets(Plan plan, bool relink)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sets = new List<string>();
        foreach (var (property, fate) in plan.Columns)
        {
            var isText = property.ClrType == typeof(string);
            if (fate == ColumnFate.Keep || (fate == ColumnFate.ClearText && !isText))
            {
                continue;
            }

            if (property.IsNullable)
            {
                sets.Add($"{sql.DelimitIdentifier(property.GetColumnName())} = NULL");
            }
            else if (isText)
            {
                sets.Add($"{sql.DelimitIdentifier(property.GetColumnName())} = ''");
            }
        }

        if (relink && plan.Table.Entity.FindProperty(nameof(SubjectRecord.SubjectId)) is { } subject)
        {
            sets.Add($"{sql.DelimitIdentifier(subject.GetColumnName())} = " + (subject.IsNullable ? "NULL" : sql.GenerateParameterNamePlaceholder("anonymised")));
        }

        return sets;
    }

    private async Task EnsureAnonymisedSubjectAsync(CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == Subject.Anonymised, ct))
        {
            db.Add(new Subject { Id = Subject.Anonymised, Kind = SubjectKind.Anonymised, CreatedAt = DateTime.UnixEpoch });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<long> ExecuteAsync(string text, Action<DbCommand> subjectId, CancellationToken ct, bool anonymised = false)
    {
        await using var command = Command(text, subjectId, anonymised);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string text, Action<DbCommand> bind, bool anonymised = false)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        bind(command);
        if (anonymised)
        {
            var mapping = db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Subject))!.FindPrimaryKey()!.Properties[0]
                .GetRelationalTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "anonymised", Subject.Anonymised));
        }

        return command;
    }
}
