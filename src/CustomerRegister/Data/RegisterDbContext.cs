using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The features' provider-specific model settings (<see cref="IProviderModelConfiguration"/>), found once.</summary>
    private static readonly IReadOnlyList<IProviderModelConfiguration> ProviderModelConfigurations =
        [.. typeof(RegisterDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProviderModelConfiguration).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IProviderModelConfiguration)Activator.CreateInstance(t, nonPublic: true)!)];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The base context's own tables (staff accounts) are named first: other tables' foreign-key names are derived
        // from the table names they point to.
        builder.ConfigureStaffAccountTables();
        builder.ApplyConfigurationsFromAssembly(typeof(RegisterDbContext).Assembly);
        foreach (var configuration in ProviderModelConfigurations)
        {
            configuration.Configure(builder, Provider);
        }

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
    /// Bumps the version and update time of every changed row, so stale writes are refused on both providers. Features
    /// that keep derived values current on save do it in their own <c>SaveChangesInterceptor</c>, which runs first.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
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
}

/// <summary>
/// A feature's model settings that differ by provider (e.g. collations, covering indexes); applied after every
/// <c>IEntityTypeConfiguration</c>, so that the data layer names no feature.
/// </summary>
public interface IProviderModelConfiguration
{
    void Configure(ModelBuilder builder, DatabaseProvider provider);
}
