using CustomerRegister.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Identity;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("api_clients").IsOutsideRegister("integration clients of the controller, not register data");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.KeyPrefix).HasMaxLength(32);
        b.HasIndex(c => c.KeyPrefix).IsUnique();
        b.Property(c => c.KeyHash).HasMaxLength(32);
        b.Property(c => c.Permissions).HasMaxLength(2000);
        b.HasOne<Disclosures.Recipient>().WithMany().HasForeignKey(c => c.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.PermissionList);
        b.Ignore(c => c.IsPending);
    }
}

public static class StaffAccountTables
{
    private const string Staff = "staff accounts: the controller's own users, not register data (see Identity/)";

    /// <summary>Staff accounts are the controller's own users, not register data; their tables have plain names.</summary>
    public static void ConfigureStaffAccountTables(this ModelBuilder builder)
    {
        builder.Entity<AppUser>().ToTable("users").IsOutsideRegister(Staff);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<AppRole>().ToTable("roles").IsOutsideRegister(Staff);
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles").IsOutsideRegister(Staff);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims").IsOutsideRegister(Staff);
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins").IsOutsideRegister(Staff);
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens").IsOutsideRegister(Staff);
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims").IsOutsideRegister(Staff);
    }
}
