namespace CustomerRegister.Tests.Infrastructure;

/// <summary>
/// Test categories. test.sh runs everything but Postgres on SQLite, then Integration and Postgres on PostgreSQL.
/// </summary>
public static class Category
{
    public const string Name = "Category";

    /// <summary>Through HTTP against a real database; runs on both providers.</summary>
    public const string Integration = "Integration";

    /// <summary>About PostgreSQL itself (its wire formats): runs in the PostgreSQL pass only.</summary>
    public const string Postgres = "Postgres";

    /// <summary>Real pages in Chromium.</summary>
    public const string Browser = "Browser";
}
