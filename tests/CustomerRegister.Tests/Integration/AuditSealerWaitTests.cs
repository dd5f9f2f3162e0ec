using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The sealer never queues every audited request behind a long writer: it gives way and seals once the writer commits.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class AuditSealerWaitTests : IDisposable
{
    private readonly RegisterFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AWriterStillInsertingEventsMakesTheSealerGiveWayThenItsEventsAreSealed()
    {
        _ = _app.Services;
        await using var writerScope = _app.Services.CreateAsyncScope();
        var writerDb = writerScope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        await using (var first = _app.Services.CreateAsyncScope())
        {
            await first.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        }

        if (TestDatabase.IsPostgres)
        {
            // A long transaction (an import) that has inserted an event and not committed.
            await using var tx = await writerDb.Database.BeginTransactionAsync();
            writerScope.ServiceProvider.GetRequiredService<AuditLog>()
                .Add(new AuditEntry("import.run", Purposes.CustomerRelationship, EntityType: "import_batch"));
            await writerDb.SaveChangesAsync();

            await using (var sealing = _app.Services.CreateAsyncScope())
            {
                Assert.Equal(0, await sealing.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync());
            }

            await tx.CommitAsync();
        }
        else
        {
            writerScope.ServiceProvider.GetRequiredService<AuditLog>()
                .Add(new AuditEntry("import.run", Purposes.CustomerRelationship, EntityType: "import_batch"));
            await writerDb.SaveChangesAsync();
        }

        await using var after = _app.Services.CreateAsyncScope();
        Assert.True(await after.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync() >= 1);
        var db = after.ServiceProvider.GetRequiredService<RegisterDbContext>();
        var last = await db.Set<AuditEvent>().Where(e => e.Action == "import.run").MaxAsync(e => e.Id);
        Assert.True(await db.Set<AuditSeal>().AnyAsync(s => s.FirstEventId <= last && s.LastEventId >= last));
    }
}
