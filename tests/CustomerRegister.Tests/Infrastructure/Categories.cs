namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// Test categories. test.sh runs everything on SQLite, then the Integration category again on PostgreSQL.
/// </summary>
public static class Category
{
    public const string Name = "Category";

    /// <summary>Through HTTP against a real database; runs on both providers.</summary>
    public const string Integration = "Integration";

    /// <summary>Real pages in Chromium.</summary>
    public const string Browser = "Browser";
}
