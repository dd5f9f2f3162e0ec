using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerRegister.Demo;

/// <summary>
/// The columns of one entity's table as the EF model maps them: names, converters (enums as strings, UTC times) and
/// store types. Store-generated keys are left to the database.
/// </summary>
public sealed class TableShape
{
    private TableShape(IEntityType entity)
    {
        Table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        Columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p =>
            {
                var info = p.PropertyInfo ?? throw new InvalidOperationException($"{entity.DisplayName()}.{p.Name} has no CLR property.");
                var mapping = p.GetRelationalTypeMapping();
                var row = Expression.Parameter(typeof(object), "row");
                var value = Expression.Property(Expression.Convert(row, entity.ClrType), info);
                var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
                return new Column(p.GetColumnName(table) ?? p.Name, get, mapping, entity.ClrType, info);
            })
            .ToList();
    }

    public string Table { get; }

    public IReadOnlyList<Column> Columns { get; }

    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static TableShape For(IEntityType entity) => new(entity);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public sealed record Column(string Name, Func<object, object?> Get, RelationalTypeMapping Mapping, Type EntityType,
        System.Reflection.PropertyInfo Property)
    {
        /// <summary>
        /// A compiled, typed writer of this column's provider value to Npgsql's binary importer (converter inlined, no
        /// boxing, the store type named so that Npgsql need not infer it).
        /// </summary>
        public Func<NpgsqlBinaryImporter, object, CancellationToken, Task> ImportWriter()
        {
            var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
            var row = Expression.Parameter(typeof(object), "row");
            var ct = Expression.Parameter(typeof(CancellationToken), "ct");
            var value = Expression.Variable(Property.PropertyType, "value");
            var underlying = Nullable.GetUnderlyingType(value.Type);
            Expression present = underlying is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
            if (Mapping.Converter is { } converter)
            {
                var convert = converter.ConvertToProviderExpression;
                var argument = present.Type == convert.Parameters[0].Type ? present : Expression.Convert(present, convert.Parameters[0].Type);
                present = Expression.Invoke(convert, argument);
            }

            var write = Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteAsync), [present.Type], present,
                Expression.Constant(Mapping.StoreTypeNameBase), ct);
            Expression body = value.Type.IsValueType && underlying is null
                ? write
                : Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)),
                    Expression.Call(importer, nameof(NpgsqlBinaryImporter.WriteNullAsync), null, ct), write);
            var block = Expression.Block(typeof(Task), [value],
                Expression.Assign(value, Expression.Property(Expression.Convert(row, EntityType), Property)), body);
            return Expression.Lambda<Func<NpgsqlBinaryImporter, object, CancellationToken, Task>>(block, importer, row, ct).Compile();
        }
    }
}

/// <summary>Writes a batch's rows, table by table in foreign-key order, in one transaction.</summary>
public abstract class BulkWriter(DbContext db)
{
    private readonly Dictionary<Type, TableShape> _shapes = [];

    protected DbContext Db { get; } = db;

    public static BulkWriter For(DbContext db, DbConnection connection) => connection switch
    {
        NpgsqlConnection npgsql => new PostgresBulkWriter(db, npgsql),
        _ => new SqliteBulkWriter(db, connection),
    };

    public async Task WriteAsync(DemoBatch batch, CancellationToken ct)
    {
        await using var transaction = await Db.Database.GetDbConnection().BeginTransactionAsync(ct);
        await WriteAsync(batch, transaction, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Writes the batch's rows in the caller's transaction (an import that is all or nothing across many batches).</summary>
    public async Task WriteAsync(DemoBatch batch, DbTransaction transaction, CancellationToken ct)
    {
        foreach (var (type, rows) in InDependencyOrder(batch))
        {
            await WriteTableAsync(Shape(type), rows, transaction, ct);
        }
    }

    protected abstract Task WriteTableAsync(TableShape shape, List<object> rows, DbTransaction transaction, CancellationToken ct);

    private TableShape Shape(Type type)
    {
        if (!_shapes.TryGetValue(type, out var shape))
        {
            var entity = Db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            _shapes[type] = shape = TableShape.For(entity);
        }

        return shape;
    }

    /// <summary>Principals before dependents, so foreign keys hold after every statement.</summary>
    private IEnumerable<(Type Type, List<object> Rows)> InDependencyOrder(DemoBatch batch)
    {
        var depth = new Dictionary<Type, int>();
        int Depth(Type type, int guard)
        {
            if (depth.TryGetValue(type, out var known))
            {
                return known;
            }

            var principals = Db.Model.FindEntityType(type)!.GetForeignKeys()
                .Select(k => k.PrincipalEntityType.ClrType)
                .Where(t => t != type && batch.Tables.ContainsKey(t) && guard < 32);
            return depth[type] = principals.Select(t => Depth(t, guard + 1) + 1).DefaultIfEmpty(0).Max();
        }

        return batch.Tables.OrderBy(t => Depth(t.Key, 0)).ThenBy(t => t.Key.Name, StringComparer.Ordinal).Select(t => (t.Key, t.Value));
    }
}

/// <summary>PostgreSQL: one binary COPY per table through Npgsql's <see cref="NpgsqlBinaryImporter"/>.</summary>
public sealed class PostgresBulkWriter(DbContext db, NpgsqlConnection connection) : BulkWriter(db)
{
    private readonly Dictionary<string, Func<NpgsqlBinaryImporter, object, CancellationToken, Task>[]> _writers = [];

    protected override async Task WriteTableAsync(TableShape shape, List<object> rows, DbTransaction transaction, CancellationToken ct)
    {
        if (!_writers.TryGetValue(shape.Table, out var writers))
        {
            _writers[shape.Table] = writers = [.. shape.Columns.Select(c => c.ImportWriter())];
        }

        // Disposed without CompleteAsync (an exception), the import is cancelled and the batch's transaction rolls back.
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {TableShape.Quote(shape.Table)} ({shape.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var write in writers)
            {
                await write(importer, row, ct);
            }
        }

        await importer.CompleteAsync(ct);
    }
}

/// <summary>SQLite: one prepared INSERT per table, reused for every row, inside the batch's transaction.</summary>
public sealed class SqliteBulkWriter(DbContext db, DbConnection connection) : BulkWriter(db)
{
    protected override async Task WriteTableAsync(TableShape shape, List<object> rows, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {TableShape.Quote(shape.Table)} ({shape.ColumnList}) VALUES "
            + $"({string.Join(", ", shape.Columns.Select((_, i) => "@p" + i))})";

        // Compiled once; Microsoft.Data.Sqlite keeps the statement while the command text is unchanged.
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var column = shape.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + i, column.Get(row), nullable: true));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
