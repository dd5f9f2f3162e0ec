using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Search;

/// <summary>The search index's PostgreSQL-only settings.</summary>
internal sealed class SearchPostgresModel : IProviderModelConfiguration
{
    public void Configure(ModelBuilder builder, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return;
        }

        // Byte-order comparison, so a prefix query is an index range scan whatever the server's locale.
        builder.Entity<SearchEntry>().Property(e => e.Term).UseCollation("C");
        builder.Entity<SearchEntry>().Property(e => e.SortKey).UseCollation("C");

        // A covering index: a prefix query and its ordering by name are answered by an index-only scan. It carries only
        // what that query reads (the sort key and the target); the exact-term look-ups that also need the kind or the
        // subject find a few rows and read them from the table.
        builder.Entity<SearchEntry>().HasIndex(e => new { e.Field, e.Term })
            .IncludeProperties(e => new { e.SortKey, e.TargetId });
    }
}
