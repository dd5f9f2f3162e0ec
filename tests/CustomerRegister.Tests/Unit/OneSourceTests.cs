using System.Text.RegularExpressions;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// Facts the whole product shares are stated in one file and derived everywhere else: a second statement of one of
/// them in the source is the start of a drift.
/// </summary>
public sealed partial class OneSourceTests
{
    public static TheoryData<string, string, string> Facts => new()
    {
        { "the Helsinki clock", "FindSystemTimeZoneById", "Infrastructure/HelsinkiTime.cs" },
        { "the language list", """["fi", "sv", "en"]""", "Localization/Languages.cs" },
        { "the page-size rule", "errors.Add(\"limit\"", "Infrastructure/Paging.cs" },
        { "the paging envelope", "? NextAfter)", "Infrastructure/Paging.cs" },
        { "the 409 naming a field", "new HttpValidationProblemDetails(new Dictionary<string, string[]>", "Infrastructure/FieldConflict.cs" },
        { "the required version", "\"Required: the version you read.\"", "Infrastructure/FieldMessages.cs" },
        { "the required field", "\"Required.\"", "Infrastructure/FieldMessages.cs" },
        { "the too-long field", "\"At most {0} characters.\"", "Infrastructure/FieldMessages.cs" },
        { "the required source", "errors.Add(\"source\"", "Infrastructure/FieldErrors.cs" },
    };

    [Theory]
    [MemberData(nameof(Facts))]
    public void IsStatedInOneFile(string fact, string statement, string home)
    {
        var src = Path.Combine(ReadmePermissionTable.RepositoryRoot(), "src", "CustomerRegister");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal)
                        && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Path.Combine(src, f)).Contains(statement, StringComparison.Ordinal))
            .ToList();

        Assert.True(files.SequenceEqual([home]), $"{fact} ({statement}) should be stated only in {home}, found in: {string.Join(", ", files)}");
    }

    [Fact]
    public void NoFeatureDeclaresItsOwnPageSize() =>
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(ReadmePermissionTable.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories),
            f => PageSizeConstant().IsMatch(File.ReadAllText(f)));

    [GeneratedRegex(@"const int \w*PageSize\b")]
    private static partial Regex PageSizeConstant();
}
