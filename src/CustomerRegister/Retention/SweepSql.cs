using System.Data.Common;
using System.Globalization;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Retention;

/// <summary>The plain SQL the sweep runs on its context's connection and transaction, with parameters typed like the model's columns.</summary>
public sealed class SweepSql(RegisterDbContext db)
{
    public void BindGuid(DbCommand command, string name, Guid value) =>
        command.Parameters.Add(db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Subjects.Subject))!.FindPrimaryKey()!
            .Properties[0].GetRelationalTypeMapping().CreateParameter(command, name, value));

    public void Add(DbCommand command, string name, object value) =>
        command.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())!.CreateParameter(command, name, value));

    public async Task<long> ExecuteAsync(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> ScalarAsync(string text, Action<DbCommand> bind, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync<object>(text, bind, ct) ?? 0L, CultureInfo.InvariantCulture);

    public async Task<T?> ScalarAsync<T>(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return (T?)await command.ExecuteScalarAsync(ct);
    }

    public DbCommand CommandFor(string text, Action<DbCommand> bind)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        bind(command);
        return command;
    }
}
