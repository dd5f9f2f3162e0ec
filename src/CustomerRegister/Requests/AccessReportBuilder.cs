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

/// <summary>
/// Builds the access report from the catalogue: every table <see cref="SubjectRows"/> finds for the person, in
/// catalogue order, with protected codes only masked.
/// </summary>
public sealed class AccessReportBuilder(
    RegisterDbContext db, TimeProvider clock, IOptions<ControllerOptions> controller, Retention.RetentionDates dates,
    Retention.ProfileRetention profiles)
{
    private const string SubjectIdProperty = nameof(SubjectRecord.SubjectId);
    private const string Parameter = SubjectRows.Parameter;

    private static DataCategory? CategoryOf(IProperty property) => SubjectRows.CategoryOf(property);

    public async Task<AccessReport> BuildAsync(Guid subjectId, string language, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var items = new Dictionary<string, List<ReportItem>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var cooperation = await profiles.GetAsync(subjectId, ct);
            foreach (var table in SubjectRows.Tables(model, sql))
            {
                await ReadTableAsync(connection, sql, table, subjectId, items, (category, start) => Due(category, start, table, cooperation, language), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var categories = Catalog.Categories.All.Where(c => items.ContainsKey(c.Id)).Select(c => new ReportCategory(
            c.Id, c.Name(language),
            [.. c.Uses.Select(u => new ReportUse(u.Purpose, Purposes.Name(u.Purpose, language), AccessReportTexts.T(u.Basis.ToString(), language)))],
            new ReportRetention(c.Retention.Id, dates.PeriodOf(c.Retention).In(language), c.Retention.StartingEvent.In(language), c.Retention.Law),
            AccessReportTexts.T(c.Erasure.ToString(), language), c.Masked, items[c.Id])).ToList();

        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .OrderBy(c => c.OpenedAt).Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var handed = AccessReportTexts.T("handed", language);
        var recipients = new ReportRecipients(
            [AccessReportTexts.T("recipient.group", language), AccessReportTexts.T("recipient.collection", language)],
            AccessReportTexts.T("disclosures", language),
            [.. cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.OpenedAt:yyyy-MM-dd}: {handed} {c.AgencyName}"))]);

        var events = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId)
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
            SupervisoryAuthority.ForReport(language),
            accesses);
    }

    private (string? Date, string? Note) Due(
        DataCategory category, object? start, SubjectTable table, Retention.ProfileRetentionStatus? cooperation, string language)
    {
        var rule = category.Retention;
        if (rule == RetentionRule.CustomerProfile || rule == RetentionRule.Prospect)
        {
            var profileRule = cooperation?.Rule == RetentionRule.Prospect.Id ? RetentionRule.Prospect : RetentionRule.CustomerProfile;
            return cooperation?.DueDate is { } due
                ? (Iso(due), null)
                : (null, $"{dates.PeriodOf(profileRule).In(language)} / {profileRule.StartingEvent.In(language)}");
        }

        if (Retention.RetentionDates.AsDate(start) is { } from)
        {
            var startName = table.Entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value as string;
            return dates.DueFrom(rule, from, startName == nameof(Invoice.FinancialYearEnd)) is { } due
                ? (Iso(due), null)
                : (null, $"{dates.PeriodOf(rule).In(language)} / {rule.StartingEvent.In(language)}");
        }

        return (null, $"{dates.PeriodOf(rule).In(language)} / {rule.StartingEvent.In(language)}");
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ReadTableAsync(
        DbConnection connection, ISqlGenerationHelper sql, SubjectTable table, Guid subjectId,
        Dictionary<string, List<ReportItem>> items, Func<DataCategory, object?, (string? Date, string? Note)> due, CancellationToken ct)
    {
        var entity = table.Entity;
        var key = entity.FindPrimaryKey()!.Properties[0];

        // Ciphers and keyed hashes (byte[]) never leave the database; the masked sibling column is shown instead.
        var fields = entity.GetProperties()
            .Where(p => CategoryOf(p) is not null && p.ClrType != typeof(byte[]) && !p.IsPrimaryKey()).ToList();
        var source = entity.FindProperty(nameof(SubjectRecord.Source));
        var created = entity.FindProperty(nameof(SubjectRecord.CreatedAt));
        var updated = entity.FindProperty(nameof(SubjectRecord.UpdatedAt));
        var start = entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value is string name ? entity.FindProperty(name) : null;
        var columns = new List<IProperty?> { key, source, created, updated, start };
        columns.AddRange(fields);
        var select = string.Join(", ", columns.Select(p => p is null ? "NULL" : sql.DelimitIdentifier(p.GetColumnName())));

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {sql.DelimitIdentifier(table.Table)} WHERE {table.Condition}";
        command.Parameters.Add(SubjectParameter(command, entity, subjectId));

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var rowId = Format(reader.GetValue(0));
            var startValue = reader.IsDBNull(4) ? null : reader.GetValue(4);
            foreach (var group in fields.Select((p, i) => (Property: p, Index: i + 5)).GroupBy(f => CategoryOf(f.Property)!.Id))
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

                var (dueDate, dueNote) = due(Categories.Get(group.Key), startValue);
                list.Add(new ReportItem(table.Table, rowId ?? "", Format(reader.GetValue(1)), Format(reader.GetValue(2)),
                    Format(reader.GetValue(3)), values, dueDate, dueNote));
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
