using CustomerRegister.Identity;

namespace CustomerRegister.Tests.Unit;

public sealed class RolePermissionTableTests
{
    [Fact]
    public void TheReadmeShowsExactlyTheRolePermissionTableOfTheCode()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| Permission |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no '| Permission |' table");
        var columns = Cells(readme[header]).Skip(1).ToList();
        Assert.Equal(Roles.All.Order(), columns.Order());

        var rows = readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
        Assert.Equal(Permissions.All.Order(), rows.Select(r => r[0].Trim('`')).Order());
        foreach (var row in rows)
        {
            var permission = row[0].Trim('`');
            for (var i = 0; i < columns.Count; i++)
            {
                var granted = Roles.PermissionsByRole[columns[i]].Contains(permission);
                Assert.True(granted == (row[i + 1] == "✓"), $"README says {columns[i]} {(granted ? "lacks" : "has")} {permission}");
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

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerRegister.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found");
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
