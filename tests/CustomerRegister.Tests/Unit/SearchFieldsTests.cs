using System.Reflection;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Tests.Unit;

/// <summary>Every search-index field is tied to the catalogue categories of the properties its terms come from.</summary>
public sealed class SearchFieldsTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static IModel Model(string provider)
    {
        using DbContext db = provider == "sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IDesignTimeModel>().Model;
    }

    [Fact]
    public void EveryFieldOfTheIndexNamesItsSources()
    {
        var fields = typeof(SearchIndex).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Field", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(fields.Order(StringComparer.Ordinal), SearchIndex.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.All(SearchIndex.CodeFields, f => Assert.Contains(f, SearchIndex.Sources.Keys));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EverySourceIsClassifiedInTheCatalogue(string provider)
    {
        var catalog = PersonalDataCatalog.Build(Model(provider));

        Assert.All(SearchIndex.Sources.Values.SelectMany(s => s), s => Assert.NotNull(catalog.Find(s.Entity, s.Property)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AFieldNeedsTheReadPermissionsOfItsSourcesCategories(string provider)
    {
        var permissions = SearchIndex.ReadPermissions(Model(provider));

        Assert.Equal([Permissions.VehicleRead], permissions[SearchIndex.RegistrationField]);
        Assert.Equal([Permissions.CustomerRead], permissions[SearchIndex.CustomerNumberField]);
        foreach (var field in new[] { SearchIndex.NameField, SearchIndex.PhoneField, SearchIndex.EmailField, SearchIndex.BusinessIdField })
        {
            Assert.Equal([Permissions.CustomerRead], permissions[field]);
        }
    }
}
