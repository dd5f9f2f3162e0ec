using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Catalog;

/// <summary>One table holding classified items: the SQL condition that selects one subject's rows (parameter <c>subject</c>).</summary>
public sealed record SubjectTable(IEntityType Entity, string Table, string Condition);

/// <summary>
/// Finds a person's rows by walking the EF model: each entity with classified properties is reached either by its own
/// subject key or through the foreign keys that lead to an entity that has one, so a new entity is covered by the
/// access report and by erasure without touching their code.
/// </summary>
public static class SubjectRows
{
    public const string Parameter = "subject";
    private const string SubjectIdProperty = nameof(SubjectRecord.SubjectId);
    private const int MaxDepth = 5;

    /// <summary>
    /// Every table inside the register that holds classified items, with how a subject's rows are found.
    /// <paramref name="derived"/> adds tables that only copy items kept elsewhere (the search index);
    /// <paramref name="owned"/> follows only required foreign keys, so a row that merely points at the person through
    /// an optional link (an organisation's service event naming the contact who reported it) is not taken as theirs.
    /// </summary>
    /// <paramref name="match"/> replaces <c>= @subject</c> to select the rows of a set of people at once
    /// (e.g. <c>IN (SELECT subject_id FROM retention_batch WHERE batch_id = @batch)</c>).
    public static IReadOnlyList<SubjectTable> Tables(
        IModel model, ISqlGenerationHelper sql, bool derived = false, bool owned = false, string? match = null) =>
        [.. Walk(model, sql, derived, owned, match).Where(t => t.Condition is not null).Select(t => new SubjectTable(t.Entity, t.Table, t.Condition!))];

    /// <summary>Classified entities with no foreign-key path to a subject: their rows could never be reported or erased.</summary>
    public static IReadOnlyList<string> Unreachable(IModel model, ISqlGenerationHelper sql) =>
        [.. Walk(model, sql, derived: true, owned: false, match: null).Where(t => t.Condition is null).Select(t => t.Table)];

    public static bool IsOutside(IEntityType entity) =>
        entity.FindAnnotation(CatalogModelExtensions.OutsideRegisterAnnotation) is not null;

    public static DataCategory? CategoryOf(IProperty property) =>
        property.FindAnnotation(CatalogModelExtensions.CategoryAnnotation)?.Value is string id ? Categories.Get(id) : null;

    private static IEnumerable<(IEntityType Entity, string Table, string? Condition)> Walk(
        IModel model, ISqlGenerationHelper sql, bool derived, bool owned, string? match)
    {
        var parameter = match ?? "= " + sql.GenerateParameterNamePlaceholder(Parameter);
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            if (entity.GetTableName() is { } table && !IsOutside(entity)
                && entity.FindAnnotation(CatalogModelExtensions.NotLinkableAnnotation) is null
                && entity.GetProperties().Any(p => CategoryOf(p) is { } c && (derived || c.Id != Categories.SearchIndex.Id)))
            {
                yield return (entity, table, Condition(entity, sql, parameter, owned, 0, []));
            }
        }
    }

    private static string? Condition(IEntityType entity, ISqlGenerationHelper sql, string parameter, bool owned, int depth,
        HashSet<IEntityType> seen)
    {
        if (entity.FindProperty(SubjectIdProperty) is { } subject)
        {
            return $"{sql.DelimitIdentifier(subject.GetColumnName())} {parameter}";
        }

        if (depth >= MaxDepth || !seen.Add(entity))
        {
            return null;
        }

        var paths = new List<string>();
        foreach (var fk in entity.GetForeignKeys()
                     .Where(f => f.Properties.Count == 1 && f.PrincipalKey.Properties.Count == 1 && (!owned || f.IsRequired)))
        {
            var principal = fk.PrincipalEntityType;
            var column = sql.DelimitIdentifier(fk.Properties[0].GetColumnName());
            if (principal.ClrType == typeof(Subject))
            {
                paths.Add($"{column} {parameter}");
            }
            else if (!IsOutside(principal) && principal.GetTableName() is { } parent
                     && Condition(principal, sql, parameter, owned, depth + 1, [.. seen]) is { } inner)
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
        // scanning the whole table: the cost must follow the person's data, not the register's size.
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        var self = sql.DelimitIdentifier(entity.GetTableName()!);
        return $"{key} IN ({string.Join(" UNION ", paths.Select(p => $"SELECT {key} FROM {self} WHERE {p}"))})";
    }

    /// <summary>Orders items so that rows pointing at other rows are handled before the rows they point at.</summary>
    public static IReadOnlyList<T> ChildrenFirst<T>(IEnumerable<T> items, Func<T, IEntityType> entityOf)
    {
        var byEntity = items.GroupBy(entityOf).ToDictionary(g => g.Key, g => g.ToList());
        var done = new HashSet<IEntityType>();
        var order = new List<T>();
        void Visit(IEntityType entity)
        {
            if (!done.Add(entity))
            {
                return;
            }

            foreach (var child in entity.GetReferencingForeignKeys().Select(f => f.DeclaringEntityType).Where(c => c != entity))
            {
                Visit(child);
            }

            if (byEntity.TryGetValue(entity, out var same))
            {
                order.AddRange(same);
            }
        }

        foreach (var entity in byEntity.Keys)
        {
            Visit(entity);
        }

        return order;
    }
}
