using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Tests.Unit;

public sealed class CatalogTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static DbContext Context(string provider) => provider == "sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryPropertyOfTheModelIsClassifiedOrDeclaredNotPersonal(string provider)
    {
        using var db = Context(provider);

        var undeclared = PersonalDataCatalog.FindUndeclared(db.GetService<IDesignTimeModel>().Model);

        Assert.True(undeclared.Count == 0, "Declare these with IsPersonal(category) or IsNotPersonal(reason): " + string.Join(", ", undeclared));
    }

    [Fact]
    public void TheCatalogueFindsTheClassifiedFields()
    {
        using var db = Context("sqlite");
        var catalog = PersonalDataCatalog.Build(db.GetService<IDesignTimeModel>().Model);

        var email = catalog.Find(typeof(Customers.Consumer), nameof(Customers.Consumer.Email));
        Assert.NotNull(email);
        Assert.Equal(Categories.Email, email.Category);
        Assert.Equal("consumers", email.Table);
        Assert.Equal("email", email.Column);
        Assert.Null(catalog.Find(typeof(Customers.Consumer), nameof(Customers.Consumer.Version)));
        Assert.Contains(catalog.Fields, f => f.Category == Categories.BankAccount);
    }

    [Fact]
    public void EveryCategoryOfTheNoticeIsDeclared()
    {
        // Notice § 6, item by item.
        string[] notice =
        [
            "contact.name", "contact.role", "customer.contact_history", "contact.phone", "contact.email", "contact.address",
            "financial.bank_account", "identity.personal_identity_code", "marketing.permission", "customer.relationship",
            "customer.services", "marketing.survey", "marketing.event", "behaviour.web", "billing.invoice", "billing.payment",
            "billing.collection", "customer.feedback", "customer.additional_info", "recording.call", "recording.cctv",
        ];

        Assert.All(notice, id => Assert.Contains(Categories.All, c => c.Id == id));
    }

    [Fact]
    public void EveryCategoryIsCompleteAndConsistent()
    {
        Assert.Equal(Categories.All.Count, Categories.All.Select(c => c.Id).Distinct().Count());
        foreach (var c in Categories.All)
        {
            Assert.NotEmpty(c.Uses);
            Assert.All(c.Uses, u => Assert.True(Purposes.IsKnown(u.Purpose), $"{c.Id}: {u.Purpose}"));
            Assert.True(Permissions.IsKnown(c.ReadPermission), c.Id);
            Assert.True(Permissions.IsKnown(c.WritePermission), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.NameFi + c.NameSv + c.NameEn));
            Assert.Equal(c.Masked, c.RevealPermission is not null);
            if (c.RevealPermission is not null)
            {
                Assert.True(Permissions.IsKnown(c.RevealPermission), c.Id);
            }
        }
    }

    [Fact]
    public void EveryPurposeAndRetentionRuleReadsInFinnishSwedishAndEnglish()
    {
        foreach (var purpose in Purposes.All)
        {
            var names = new[] { "fi", "sv", "en" }.Select(l => Purposes.Name(purpose, l)).ToList();
            Assert.All(names, n => Assert.NotEqual(purpose, n));
            Assert.Equal(3, names.Distinct().Count());
        }

        Assert.Equal("unknown_purpose", Purposes.Name("unknown_purpose", "fi"));
        var rules = Categories.All.Select(c => c.Retention).Distinct().ToList();
        Assert.Contains(RetentionRule.RightsRequest, rules);
        Assert.All(rules, r =>
        {
            Assert.Equal(3, new[] { r.StartingEvent.Fi, r.StartingEvent.Sv, r.StartingEvent.En }.Distinct().Count());
            Assert.Equal(3, new[] { r.DefaultPeriod.Fi, r.DefaultPeriod.Sv, r.DefaultPeriod.En }.Distinct().Count());
        });
        Assert.Equal("6 vuotta", RetentionRule.Voucher.DefaultPeriod.In("fi"));
        Assert.Equal("6 år", RetentionRule.Voucher.DefaultPeriod.In("sv"));
    }

    [Fact]
    public void OnlyTheTwoProtectedCodesAreMaskedAndSensitive()
    {
        Assert.Equal([Categories.IdentityCode, Categories.BankAccount], Categories.All.Where(c => c.Masked));
        Assert.Equal([Categories.IdentityCode, Categories.BankAccount], Categories.All.Where(c => c.Sensitive));
    }
}
