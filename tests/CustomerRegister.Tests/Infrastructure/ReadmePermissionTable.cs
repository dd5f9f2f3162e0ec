namespace CustomerRegister.Tests.Infrastructure;

/// <summary>The README's "| Permission | role … |" table, read as the documentation states it.</summary>
public sealed record ReadmePermissionTable(IReadOnlyList<string> Roles, IReadOnlyDictionary<string, IReadOnlySet<string>> RolesByPermission)
{
    public bool Grants(string role, string permission) =>
        RolesByPermission.TryGetValue(permission, out var roles) && roles.Contains(role);

    public static ReadmePermissionTable Read()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| Permission |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no '| Permission |' table");
        var roles = Cells(readme[header]).Skip(1).ToList();
        var rows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var row in readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells))
        {
            rows[row[0].Trim('`')] = roles.Where((_, i) => row[i + 1] == "✓").ToHashSet(StringComparer.Ordinal);
        }

        return new ReadmePermissionTable(roles, rows);
    }

    public static string RepositoryRoot()
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
