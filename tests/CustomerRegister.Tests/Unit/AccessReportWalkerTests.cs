using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerRegister.Tests.Unit;

public sealed class AccessReportWalkerTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static DbContext Context(string provider) => provider == "sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryClassifiedTableReachesASubjectThroughTheModel(string provider)
    {
        using var db = Context(provider);
        var model = db.GetService<IDesignTimeModel>().Model;
        var sql = db.GetService<ISqlGenerationHelper>();

        Assert.Empty(SubjectRows.Unreachable(model, sql));
        var tables = SubjectRows.Tables(model, sql).ToDictionary(t => t.Table, t => t.Condition);
        Assert.Contains("customer_relationships", tables["contracts"], StringComparison.Ordinal);
        Assert.Contains("customer_relationships", tables["ordered_services"], StringComparison.Ordinal);
        Assert.Contains("ordered_services", tables["service_events"], StringComparison.Ordinal);
        Assert.Contains("contact_persons", tables["service_events"], StringComparison.Ordinal);
        Assert.Contains("data_subject_requests", tables["request_actions"], StringComparison.Ordinal);
        Assert.Contains("consumers", tables.Keys);
        Assert.DoesNotContain("search_entries", tables.Keys);
        Assert.DoesNotContain("audit_events", tables.Keys);
        Assert.DoesNotContain("users", tables.Keys);
    }
}
