using System.Data.Common;
using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>One table the walker reads: its classified columns and the SQL condition that selects one subject's rows.</summary>
public sealed record SubjectTable(IEntityType Entity, string Table, string Condition);

/// <summary>
/// Builds the access report by walking the EF model: each entity with classified properties is read either by its
/// own subject key or through the foreign keys that lead to an entity that has one, so a new entity is covered
/// without touching this code.
/// </summary>
public sealed class AccessReportBuilder(RegisterDbContext db, TimeProvider clock, IOptions<ControllerOptions> controller)
{
    private const string SubjectIdProperty = nameof(SubjectRecord.SubjectId);
    private const string Parameter = "subject";
    private const int MaxDepth = 5;

    /// <summary>Every table inside the register that holds classified items, with how a subject's rows are found.</summary>
    public static IReadOnlyList<SubjectTable> Tables(IModel model, ISqlGenerationHelper sql) =>
        [.. Walk(model, sql).Where(t => t.Condition is not null).Select(t => new SubjectTable(t.Entity, t.Table, t.Condition!))];

    /// <summary>Classified entities with no foreign-key path to a subject: their rows could never be reported.</summary>
    public static IReadOnlyList<string> Unreachable(IModel model, ISqlGenerationHelper sql) =>
        [.. Walk(model, sql).Where(t => t.Condition is null).Select(t => t.Table)];

    private static IEnumerable<(IEntityType Entity, string Table, string? Condition)> Walk(IModel model, ISqlGenerationHelper sql)
    {
        var parameter = sql.GenerateParameterNamePlaceholder(Parameter);
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            // The search index only duplicates items reported elsewhere.
            if (entity.GetTableName() is { } table && !IsOutside(entity)
                && entity.GetProperties().Any(p => CategoryOf(p) is { } c && c.Id != Categories.SearchIndex.Id))
            {
                yield return (entity, table, Condition(entity, sql, parameter, 0, []));
            }
        }
    }

    private static bool IsOutside(IEntityType entity) =>
        entity.FindAnnotation(CatalogModelExtensions.OutsideRegisterAnnotation) is not null;

    private static DataCategory? CategoryOf(IProperty property) =>
        property.FindAnnotation(CatalogModelExtensions.CategoryAnnotation)?.Value is string id ? Categories.Get(id) : null;

    private static string? Condition(IEntityType entity, ISqlGenerationHelper sql, string parameter, int depth, HashSet<IEntityType> seen)
    {
        if (entity.FindProperty(SubjectIdProperty) is { } subject)
        {
            return $"{sql.DelimitIdentifier(subject.GetColumnName())} = {parameter}";
        }

        if (depth >= MaxDepth || !seen.Add(entity))
        {
            return null;
        }

        var paths = new List<string>();
        foreach (var fk in entity.GetForeignKeys().Where(f => f.Properties.Count == 1 && f.PrincipalKey.Properties.Count == 1))
        {
            var principal = fk.PrincipalEntityType;
            var column = sql.DelimitIdentifier(fk.Properties[0].GetColumnName());
            if (principal.ClrType == typeof(Subject))
            {
                paths.Add($"{column} = {parameter}");
            }
            else if (!IsOutside(principal) && principal.GetTableName() is { } parent
                     && Condition(principal, sql, parameter, depth + 1, [.. seen]) is { } inner)
            {
                paths.Add($"{column} IN (SELECT {sql.DelimitIdentifier(fk.PrincipalKey.Properties[0].GetColumnName())} "
                          + $"FROM {sql.DelimitIdentifier(parent)} WHERE {inner})");
            }
        }

        if (paths.Count <= 1)
        {
            return paths.FirstOrDefault();
        }

        // One indexed look-up per path, united, rather than an OR of sub-queries, which the planner would answer by
        // scanning the whole table: the report's cost must follow the person's data, not the register's size.
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var self = sql.DelimitIdentifier(entity.GetTableName()!);
        return $"{key} IN ({string.Join(" UNION ", paths.Select(p => $"SELECT {key} FROM {self} WHERE {p}"))})";
    }

    public async Task<AccessReport> BuildAsync(Guid subjectId, string language, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var items = new Dictionary<string, List<ReportItem>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in Tables(model, sql))
            {
                await ReadTableAsync(connection, sql, table, subjectId, items, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var categories = Catalog.Categories.All.Where(c => items.ContainsKey(c.Id)).Select(c => new ReportCategory(
            c.Id, c.Name(language),
            [.. c.Uses.Select(u => new ReportUse(u.Purpose, AccessReportTexts.T(u.Basis.ToString(), language)))],
            new ReportRetention(c.Retention.Id, c.Retention.DefaultPeriod, c.Retention.StartingEvent, c.Retention.Law),
            AccessReportTexts.T(c.Erasure.ToString(), language), c.Masked, items[c.Id])).ToList();

        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .OrderBy(c => c.OpenedAt).Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var handed = AccessReportTexts.T("handed", language);
        var recipients = new ReportRecipients(
            [AccessReportTexts.T("recipient.group", language), AccessReportTexts.T("recipient.collection", language)],
            AccessReportTexts.T("disclosures", language),
            [.. cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.OpenedAt:yyyy-MM-dd}: {handed} {c.AgencyName}"))]);

        var events = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == subjectId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.ActorKind, e.ActorId, e.Action, e.Purpose }).ToListAsync(ct);
        var userIds = events.Where(e => e.ActorKind == AuditLog.ActorUser && e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var accesses = events.Select(e => new ReportAccess(e.OccurredAt, e.ActorKind, e.ActorId,
            e.ActorId is { } a && e.ActorKind == AuditLog.ActorUser ? names.GetValueOrDefault(a) : null, e.Action, e.Purpose)).ToList();

        var c = controller.Value;
        return new AccessReport(
            language,
            new ReportController(c.Name, c.Email, c.ProtectionOfficer, c.ProtectionOfficerEmail),
            subjectId,
            clock.GetUtcNow().UtcDateTime,
            AccessReportTexts.T("explanation", language) + " " + AccessReportTexts.T("transfers", language),
            categories,
            recipients,
            AccessReportTexts.T("profiling.text", language),
            [.. new[] { "right.rectify", "right.erase", "right.restrict", "right.object", "right.portability", "right.withdraw" }
                .Select(k => AccessReportTexts.T(k, language))],
            new ReportAuthority(AccessReportTexts.T("authority", language), "Lintulahdenkuja 4, 00530 Helsinki", "tietosuoja@om.fi",
                "029 566 6700", "https://tietosuoja.fi"),
            accesses);
    }

    private static async Task ReadTableAsync(
        DbConnection connection, ISqlGenerationHelper sql, SubjectTable table, Guid subjectId,
        Dictionary<string, List<ReportItem>> items, CancellationToken ct)
    {
        var entity = table.Entity;
        var key = entity.FindPrimaryKey()!.Properties[0];

        // Ciphers and keyed hashes (byte[]) never leave the database; the masked sibling column is shown instead.
        var fields = entity.GetProperties()
            .Where(p => CategoryOf(p) is not null && p.ClrType != typeof(byte[]) && !p.IsPrimaryKey()).ToList();
        var source = entity.FindProperty(nameof(SubjectRecord.Source));
        var created = entity.FindProperty(nameof(SubjectRecord.CreatedAt));
        var updated = entity.FindProperty(nameof(SubjectRecord.UpdatedAt));
        var columns = new List<IProperty?> { key, source, created, updated };
        columns.AddRange(fields);
        var select = string.Join(", ", columns.Select(p => p is null ? "NULL" : sql.DelimitIdentifier(p.GetColumnName())));

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {sql.DelimitIdentifier(table.Table)} WHERE {table.Condition}";
        command.Parameters.Add(SubjectParameter(command, entity, subjectId));

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var rowId = Format(reader.GetValue(0));
            foreach (var group in fields.Select((p, i) => (Property: p, Index: i + 4)).GroupBy(f => CategoryOf(f.Property)!.Id))
            {
                if (group.Key == Categories.SearchIndex.Id)
                {
                    continue;
                }

                var values = group.Select(f => new ReportField(f.Property.GetColumnName(), Format(reader.GetValue(f.Index)))).ToList();
                if (!items.TryGetValue(group.Key, out var list))
                {
                    items[group.Key] = list = [];
                }

                list.Add(new ReportItem(table.Table, rowId ?? "", Format(reader.GetValue(1)), Format(reader.GetValue(2)),
                    Format(reader.GetValue(3)), values));
            }
        }
    }

    /// <summary>Whether the row with this key is one of the subject's rows, by the same condition the report reads with.</summary>
    public static async Task<bool> HoldsAsync(RegisterDbContext db, SubjectTable table, object key, Guid subjectId, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var keyProperty = table.Entity.FindPrimaryKey()!.Properties[0];
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table.Table)} "
                                  + $"WHERE {sql.DelimitIdentifier(keyProperty.GetColumnName())} = {sql.GenerateParameterNamePlaceholder("row")} "
                                  + $"AND ({table.Condition})";
            command.Parameters.Add(keyProperty.GetRelationalTypeMapping().CreateParameter(command, "row", key));
            command.Parameters.Add(SubjectParameter(command, table.Entity, subjectId));
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter SubjectParameter(DbCommand command, IEntityType entity, Guid subjectId)
    {
        var subjectProperty = entity.FindProperty(SubjectIdProperty) ?? entity.FindPrimaryKey()!.Properties[0];
        return (subjectProperty.ClrType == typeof(Guid) || subjectProperty.ClrType == typeof(Guid?)
            ? subjectProperty.GetRelationalTypeMapping()
            : entity.Model.FindEntityType(typeof(Subject))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping())
            .CreateParameter(command, Parameter, subjectId);
    }

    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        string s when Guid.TryParse(s, out var g) => g.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
