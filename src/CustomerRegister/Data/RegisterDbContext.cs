using CustomerRegister.Audit;
using CustomerRegister.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Data;

/// <summary>
/// The one DbContext. It is abstract so each provider has its own sealed subclass and its own migration set
/// (<see cref="SqliteRegisterDbContext"/>, <see cref="PostgresRegisterDbContext"/>).
/// </summary>
public abstract class RegisterDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(RegisterDbContext).Assembly);
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

public sealed class SqliteRegisterDbContext(DbContextOptions<SqliteRegisterDbContext> options)
    : RegisterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRegisterDbContext(DbContextOptions<PostgresRegisterDbContext> options)
    : RegisterDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
