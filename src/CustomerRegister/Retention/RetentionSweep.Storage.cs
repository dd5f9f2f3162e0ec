using System.Data.Common;
using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Recordings;
using CustomerRegister.Requests;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

/// <summary>The lease, the deletion log and the plain SQL the sweep runs.</summary>
public sealed partial class RetentionSweep
{
    private void BindGuid(DbCommand command, string name, Guid value) =>
        command.Parameters.Add(db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(Subjects.Subject))!.FindPrimaryKey()!
            .Properties[0].GetRelationalTypeMapping().CreateParameter(command, name, value));

    private void Add(DbCommand command, string name, object value) =>
        command.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())!.CreateParameter(command, name, value));

    private Task LogAsync(RetentionRun run, string table, IEnumerable<DataCategory> categories, string rule, string action, long count,
        CancellationToken ct) => LogAsync(run, [new LogLine(table, categories, rule, action, count)], ct);

    private sealed record LogLine(string Table, IEnumerable<DataCategory> Categories, string Rule, string Action, long Count);

    private async Task LogAsync(RetentionRun run, IReadOnlyList<LogLine> lines, CancellationToken ct)
    {
        var written = lines.Where(l => l.Count > 0).ToList();
        if (written.Count == 0)
        {
            return;
        }

        foreach (var line in written.Where(l => l.Action != "held"))
        {
            _changed[line.Table] = _changed.GetValueOrDefault(line.Table) + line.Count;
        }

        var values = string.Join(", ", written.Select((_, i) => $"(@run, @table{i}, @categories{i}, @rule{i}, @action{i}, @count{i})"));
        await ExecuteAsync($"INSERT INTO retention_run_counts (run_id, table_name, categories, rule, action, \"count\") VALUES {values}", c =>
        {
            BindGuid(c, "run", run.Id);
            for (var i = 0; i < written.Count; i++)
            {
                Add(c, $"table{i}", written[i].Table);
                Add(c, $"categories{i}", string.Join(",", written[i].Categories.Select(x => x.Id).Distinct()));
                Add(c, $"rule{i}", written[i].Rule);
                Add(c, $"action{i}", written[i].Action);
                Add(c, $"count{i}", written[i].Count);
            }
        }, ct);
    }

    private async Task<bool> TakeLeaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var taken = await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && (l.ExpiresAt < now || l.Holder == Instance))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, Instance).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Set<RetentionLease>().AnyAsync(l => l.Name == LeaseName, ct))
        {
            return false;
        }

        try
        {
            db.Add(new RetentionLease { Name = LeaseName, Holder = Instance, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the lease first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task RenewLeaseAsync(CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.LeaseSeconds);
        var renewed = await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, until), ct);
        if (renewed == 0)
        {
            throw new InvalidOperationException("The retention lease was lost to another instance; stopping this sweep.");
        }
    }

    private async Task ReleaseLeaseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<RetentionLease>().Where(l => l.Name == LeaseName && l.Holder == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, now), ct);
    }

    private async Task<long> ExecuteAsync(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ScalarAsync(string text, Action<DbCommand> bind, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync<object>(text, bind, ct) ?? 0L, CultureInfo.InvariantCulture);

    private async Task<T?> ScalarAsync<T>(string text, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = CommandFor(text, bind);
        return (T?)await command.ExecuteScalarAsync(ct);
    }

    private DbCommand CommandFor(string text, Action<DbCommand> bind)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        bind(command);
        return command;
    }
}
