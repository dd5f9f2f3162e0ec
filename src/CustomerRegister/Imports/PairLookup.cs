using System.Linq.Expressions;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Imports;

/// <summary>
/// The records whose two columns equal one of a list of pairs (postal code and name), answered by the two-column index
/// one pair at a time. Two <c>IN</c> lists would ask the index for every postal code with every name: a chunk of a
/// thousand rows is a few hundred thousand probes instead of a few thousand.
/// </summary>
internal static class PairLookup
{
    public static IQueryable<T> WherePairs<T>(RegisterDbContext db, Expression<Func<T, string?>> first, Expression<Func<T, string?>> second,
        IReadOnlyCollection<(string First, string Second)> pairs)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(LambdaExpression property) =>
            TableShape.Quote(entity.FindProperty(((MemberExpression)property.Body).Member.Name)!.GetColumnName(table)!);
        var columns = $"({Column(first)}, {Column(second)})";
        var from = TableShape.Quote(table.Name);

        // Only names from the EF model go into the text; the values are parameters.
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var sql = $"SELECT * FROM {from} WHERE {columns} IN (SELECT * FROM unnest({{0}}::text[], {{1}}::text[]))";
            return db.Set<T>().FromSqlRaw(sql, pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray());
        }

        var sqlite = $"SELECT * FROM {from} WHERE {columns} IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({{0}}))";
        return db.Set<T>().FromSqlRaw(sqlite, JsonSerializer.Serialize(pairs.Select(p => new[] { p.First, p.Second })));
    }
}
