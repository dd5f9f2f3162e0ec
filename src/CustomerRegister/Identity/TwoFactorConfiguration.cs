using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Identity;

/// <summary>The second factor's tables (picked up by the DbContext's ApplyConfigurationsFromAssembly).</summary>
internal sealed class UserTwoFactorConfiguration : IEntityTypeConfiguration<UserTwoFactor>
{
    public const string Staff = "staff accounts' second factor: the controller's own users, not register data (see Identity/)";

    public void Configure(EntityTypeBuilder<UserTwoFactor> b)
    {
        b.ToTable("user_two_factor").IsOutsideRegister(Staff);
        b.HasKey(t => t.UserId);
        b.Property(t => t.ProtectedSecret).HasMaxLength(1000);
        b.HasOne<AppUser>().WithOne().HasForeignKey<UserTwoFactor>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRecoveryCodeConfiguration : IEntityTypeConfiguration<UserRecoveryCode>
{
    public void Configure(EntityTypeBuilder<UserRecoveryCode> b)
    {
        b.ToTable("user_recovery_codes").IsOutsideRegister(UserTwoFactorConfiguration.Staff);
        b.Property(c => c.CodeHash).HasMaxLength(32);
        b.HasIndex(c => new { c.UserId, c.CodeHash });
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
