using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Unit;

public sealed class RolePermissionTableTests
{
    [Fact]
    public void TheReadmeShowsExactlyTheRolePermissionTableOfTheCode()
    {
        var table = ReadmePermissionTable.Read();
        Assert.Equal(Roles.All.Order(), table.Roles.Order());
        Assert.Equal(Permissions.All.Order(), table.RolesByPermission.Keys.Order());
        foreach (var permission in Permissions.All)
        {
            foreach (var role in table.Roles)
            {
                var granted = Roles.PermissionsByRole[role].Contains(permission);
                Assert.True(granted == table.Grants(role, permission), $"README says {role} {(granted ? "lacks" : "has")} {permission}");
            }
        }
    }

    [Fact]
    public void EveryRoleMayManageItsOwnAccountAndNoRoleHasUnknownPermissions()
    {
        foreach (var (role, permissions) in Roles.PermissionsByRole)
        {
            Assert.Contains(Permissions.AccountSelf, permissions);
            Assert.All(permissions, p => Assert.True(Permissions.IsKnown(p), $"{role}: {p}"));
        }
    }

    [Fact]
    public void RevealingProtectedCodesIsLimitedToTheRolesThatNeedThem()
    {
        string[] identityCode = [.. Roles.All.Where(r => Roles.Grants([r], Permissions.IdentityCodeReveal)).Order()];
        Assert.Equal([Roles.DataProtectionOfficer, Roles.VehicleReception], identityCode);
        Assert.False(Roles.Grants([Roles.Marketing], Permissions.BankAccountReveal));
        Assert.False(Roles.Grants([Roles.Administrator], Permissions.CustomerRead));
    }

    [Fact]
    public void AUserWithoutRolesHasNoPermissions()
    {
        Assert.DoesNotContain(Permissions.All, p => Roles.Grants([], p));
    }
}
