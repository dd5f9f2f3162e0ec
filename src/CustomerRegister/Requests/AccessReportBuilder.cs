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
    Retention.ProfileRetention profiles, Protection.ProtectedCodes codes, Profiling.ProfileQueries profiling)
{
    private const string SubjectIdProperty = nameof(SubjectRecord.SubjectId);
    private const string Parameter = SubjectRows.Parameter;

    private static DataCategory? CategoryOf(IProperty property) => SubjectRows.CategoryOf(property);

    public Task<AccessReport> BuildAsync(Guid subjectId, string language, CancellationToken ct) =>
        BuildAsync(subjectId, language, protectedInFull: false, requesterName: null, ct);

    /// <summary>
    /// The report of one person. <paramref name="protectedInFull"/>: the requester was strongly identified, so the protected
    /// codes (identity code, bank account) are decrypted and given in full beside their masked form.
    /// </summary>
    public async Task<AccessReport> BuildAsync(Guid subjectId, string language, bool protectedInFull, string? requesterName, CancellationToken ct)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();
        var items = new Dictionary<string, List<ReportItem>>();
        Retention.ProfileRetentionStatus? cooperation;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            cooperation = await profiles.GetAsync(subjectId, ct);
            foreach (var table in SubjectRows.Tables(model, sql))
            {
                await ReadTableAsync(connection, sql, table, subjectId, items, (category, start) => Due(category, start, table, cooperation, language),
                    new FieldReader(language, protectedInFull ? codes : null), ct);
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
            AccessReportTexts.T(c.Erasure.ToString(), language), c.Masked && !protectedInFull, items[c.Id],
            AccessReportWords.Retention(RuleFor(c, cooperation), dates.PeriodOf(RuleFor(c, cooperation)), language))).ToList();

        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .OrderBy(c => c.OpenedAt).Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var handed = AccessReportTexts.T("handed", language);
        var disclosed = (await Disclosures.RecipientQueries.DisclosuresOfAsync(db, subjectId, ct)).Select(d => new ReportDisclosure(
            d.DisclosedAt, d.RecipientName, d.CountryCode, [.. d.CategoryKeys.Select(k => Catalog.Categories.Get(k).Name(language))],
            Purposes.Name(d.Purpose, language))).ToList();
        var disclosedTo = await db.Set<Disclosures.Disclosure>().AsNoTracking().Where(d => d.SubjectId == subjectId).Select(d => d.RecipientId)
            .Distinct().ToListAsync(ct);
        var transfers = AccessReportTexts.Transfers(
            (await db.Set<Disclosures.Recipient>().AsNoTracking().Where(x => disclosedTo.Contains(x.Id)).ToListAsync(ct))
            .Select(x => (x.Name, x.CountryCode, x.Safeguard, x.SafeguardDetails)), language);
        var recipients = new ReportRecipients(
            [AccessReportTexts.T("recipient.group", language), AccessReportTexts.T("recipient.collection", language)],
            AccessReportTexts.T(disclosed.Count == 0 ? "disclosures" : "disclosures.made", language),
            [.. cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.OpenedAt:yyyy-MM-dd}: {handed} {c.AgencyName}"))],
            [.. cases.Select(c => new ReportHandover(c.OpenedAt, c.AgencyName))],
            disclosed, transfers);

        var events = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.ActorKind, e.ActorId, e.Action, e.Purpose }).ToListAsync(ct);
        var userIds = events.Where(e => e.ActorKind == AuditLog.ActorUser && e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var clientIds = events.Where(e => e.ActorKind == AuditLog.ActorClient && e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var clients = clientIds.Count == 0
            ? []
            : await db.Set<Identity.ApiClient>().AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var accesses = events.Select(e => new ReportAccess(e.OccurredAt, e.ActorKind, e.ActorId,
            e.ActorId is { } a ? e.ActorKind == AuditLog.ActorUser ? names.GetValueOrDefault(a)
                : e.ActorKind == AuditLog.ActorClient ? clients.GetValueOrDefault(a) : null : null, e.Action, e.Purpose)).ToList();

        var c = controller.Value;
        return new AccessReport(
            language,
            new ReportController(c.Name, c.Email, c.ProtectionOfficer, c.ProtectionOfficerEmail),
            subjectId,
            clock.GetUtcNow().UtcDateTime,
            AccessReportTexts.T(protectedInFull ? "explanation.full" : "explanation", language) + " " + transfers,
            categories,
            recipients,
            await profiling.ReportAsync(subjectId, language, ct),
            [.. new[] { "right.rectify", "right.erase", "right.restrict", "right.object", "right.portability", "right.withdraw" }
                .Select(k => AccessReportTexts.T(k, language))],
            SupervisoryAuthority.ForReport(language),
            accesses,
            protectedInFull,
            requesterName,
            await Imports.ImportQueries.ForReportAsync(db, subjectId, language, ct));
    }

    /// <summary>The rule a category's items follow for this person: a profile that never became a customer follows the prospect rule.</summary>
    private static RetentionRule RuleFor(DataCategory category, Retention.ProfileRetentionStatus? cooperation) =>
        category.Retention == RetentionRule.CustomerProfile && cooperation?.Rule == RetentionRule.Prospect.Id ? RetentionRule.Prospect : category.Retention;

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
        Dictionary<string, List<ReportItem>> items, Func<DataCategory, object?, (string? Date, string? Note)> due, FieldReader reader,
        CancellationToken ct)
    {
        var entity = table.Entity;
        var key = entity.FindPrimaryKey()!.Properties[0];

        // Ciphers and keyed hashes (byte[]) never leave the database; the masked sibling column is shown instead, and the
        // decrypted code beside it only when the requester was strongly identified (reader.Codes is set).
        var fields = entity.GetProperties()
            .Where(p => CategoryOf(p) is not null && p.ClrType != typeof(byte[]) && !p.IsPrimaryKey())
            .OrderBy(p => AccessReportWords.Order(entity.ClrType.Name, p.Name)).ToList();
        var ciphers = reader.Codes is null
            ? []
            : entity.GetProperties().Where(p => CategoryOf(p) is not null && p.ClrType == typeof(byte[])
                && p.Name.EndsWith(CipherSuffix, StringComparison.Ordinal)).ToList();
        var source = entity.FindProperty(nameof(SubjectRecord.Source));
        var created = entity.FindProperty(nameof(SubjectRecord.CreatedAt));
        var updated = entity.FindProperty(nameof(SubjectRecord.UpdatedAt));
        var start = entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value is string name ? entity.FindProperty(name) : null;
        var columns = new List<IProperty?> { key, source, created, updated, start };
        columns.AddRange(fields);
        columns.AddRange(ciphers);
        var select = string.Join(", ", columns.Select(p => p is null ? "NULL" : sql.DelimitIdentifier(p.GetColumnName())));

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {sql.DelimitIdentifier(table.Table)} WHERE {table.Condition}";
        command.Parameters.Add(SubjectParameter(command, entity, subjectId));

        var kind = AccessReportWords.Kind(entity.ClrType.Name, reader.Language);
        await using var rows = await command.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            var rowId = Format(rows.GetValue(0));
            var startValue = rows.IsDBNull(4) ? null : rows.GetValue(4);
            var indexed = fields.Select((p, i) => (Property: p, Index: i + 5))
                .Concat(ciphers.Select((p, i) => (Property: p, Index: i + 5 + fields.Count)));
            foreach (var group in indexed.GroupBy(f => CategoryOf(f.Property)!.Id))
            {
                if (group.Key == Categories.SearchIndex.Id)
                {
                    continue;
                }

                var values = group.Select(f => reader.Field(entity, f.Property, rows.GetValue(f.Index))).OfType<ReportField>().ToList();

                // A decrypted code replaces its masked form in the letter (both stay in the JSON).
                var full = values.Where(v => v.Name.Length > 0 && v.Shown is not null && !v.Name.EndsWith("_masked", StringComparison.Ordinal))
                    .Select(v => v.Label).ToHashSet();
                values = [.. values.Select(v => v.Name.EndsWith("_masked", StringComparison.Ordinal) && full.Contains(v.Label) ? v with { Label = null, Shown = null } : v)];
                if (!items.TryGetValue(group.Key, out var list))
                {
                    items[group.Key] = list = [];
                }

                var (dueDate, dueNote) = due(Categories.Get(group.Key), startValue);
                list.Add(new ReportItem(table.Table, rowId ?? "", Format(rows.GetValue(1)), Format(rows.GetValue(2)),
                    Format(rows.GetValue(3)), values, dueDate, dueNote, kind ?? Categories.Get(group.Key).Name(reader.Language),
                    dueDate is null ? null : DateOnly.ParseExact(dueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
    }

    private const string CipherSuffix = "Cipher";

    /// <summary>
    /// Reads one stored value into a report field: the column and raw value for the JSON, the label and the value in words
    /// for the letter. A cipher is decrypted only with <see cref="Codes"/> (strong identification), else left out.
    /// </summary>
    private sealed record FieldReader(string Language, Protection.ProtectedCodes? Codes)
    {
        public ReportField? Field(IEntityType entity, IProperty property, object? raw)
        {
            if (property.ClrType == typeof(byte[]))
            {
                if (Codes is null || raw is not byte[] cipher)
                {
                    return null;
                }

                var name = property.Name[..^CipherSuffix.Length];
                var plain = Codes.Decrypt(cipher);
                if (name.EndsWith("BankAccount", StringComparison.Ordinal) && Finnish.Iban.TryParse(plain, out var iban, out _))
                {
                    plain = iban.Formatted();
                }

                return new ReportField(property.GetColumnName()[..^"_cipher".Length], plain,
                    AccessReportWords.Label(entity.ClrType.Name, name, Language), plain);
            }

            var value = Format(raw);
            if (value is null)
            {
                return new ReportField(property.GetColumnName(), null);
            }

            var hidden = AccessReportWords.Technical.Contains(property.Name);
            return new ReportField(property.GetColumnName(), value,
                hidden ? null : AccessReportWords.Label(entity.ClrType.Name, property.Name, Language),
                hidden ? null : AccessReportWords.Shown(property, raw!, Language));
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
