using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Data;

/// <summary>
/// The one DbContext. It is abstract so each provider has its own sealed subclass and its own migration set
/// (<see cref="SqliteRegisterDbContext"/>, <see cref="PostgresRegisterDbContext"/>).
/// </summary>
public abstract class RegisterDbContext(DbContextOptions options, TimeProvider clock)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring on PostgreSQL (Protection/KeyRingSetup.cs); the table exists on both providers.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        const string staff = "staff accounts: the controller's own users, not register data (see Identity/)";
        builder.Entity<AppUser>().ToTable("users").IsOutsideRegister(staff);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<AppRole>().ToTable("roles").IsOutsideRegister(staff);
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles").IsOutsideRegister(staff);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims").IsOutsideRegister(staff);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins").IsOutsideRegister(staff);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens").IsOutsideRegister(staff);
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims").IsOutsideRegister(staff);

        builder.ApplyConfigurationsFromAssembly(typeof(RegisterDbContext).Assembly);

        // The retention sweep and its preview select by each table's starting event: index it, so they cost what is due.
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            if (entity.FindAnnotation(CatalogModelExtensions.RetainedFromAnnotation)?.Value is string start
                && entity.FindProperty(start) is { } property && !entity.GetIndexes().Any(i => i.Properties[0] == property))
            {
                entity.AddIndex(property);
            }
        }
    }

    /// <summary>
    /// Bumps the version and update time of every changed row, so stale writes are refused on both providers, and keeps
    /// the marketing ledger's derived replacement times current.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Marketing.MarketingLedger.MarkSupersededAsync(this, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = entry.Entity.CreatedAt == default ? now : entry.Entity.CreatedAt;
                entry.Entity.UpdatedAt = entry.Entity.CreatedAt;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = entry.Property(v => v.Version).OriginalValue + 1;
            }
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC on the way in and comes back marked as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SqliteRegisterDbContext(DbContextOptions<SqliteRegisterDbContext> options, TimeProvider clock)
    : RegisterDbContext(options, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRegisterDbContext(DbContextOptions<PostgresRegisterDbContext> options, TimeProvider clock)
    : RegisterDbContext(options, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

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
