using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Erasure;
using CustomerRegister.Marketing;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using CustomerRegister.Subjects;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

public sealed class ErasureRulesTests
{
    [Fact]
    public void ProfileDataIsDeletedSurveysAnonymisedAndVouchersRestricted()
    {
        Assert.Equal(TableFate.Delete, ErasureRules.Fate([Categories.Name, Categories.Email, Categories.BankAccount], openCollectionCase: false));
        Assert.Equal(TableFate.Anonymise, ErasureRules.Fate([Categories.Survey], openCollectionCase: false));
        Assert.Equal(TableFate.Restrict, ErasureRules.Fate([Categories.Invoice], openCollectionCase: false));
        Assert.Equal(TableFate.Restrict, ErasureRules.Fate([Categories.IdentityCode, Categories.VehicleScrapping], openCollectionCase: false));
        Assert.Equal(TableFate.Delete, ErasureRules.Fate([Categories.MarketingPermission], openCollectionCase: false));
    }

    [Fact]
    public void AnOpenCollectionCaseKeepsOnlyTheNameAndAddressOfTheProfile()
    {
        var profile = new[] { Categories.Name, Categories.Address, Categories.Email, Categories.Phone, Categories.BankAccount };
        Assert.Equal(TableFate.Restrict, ErasureRules.Fate(profile, openCollectionCase: true));
        Assert.Equal(ColumnFate.Keep, ErasureRules.Column(Categories.Name, TableFate.Restrict, openCollectionCase: true));
        Assert.Equal(ColumnFate.Keep, ErasureRules.Column(Categories.Address, TableFate.Restrict, openCollectionCase: true));
        Assert.Equal(ColumnFate.Clear, ErasureRules.Column(Categories.Email, TableFate.Restrict, openCollectionCase: true));
        Assert.Equal(ColumnFate.Clear, ErasureRules.Column(Categories.BankAccount, TableFate.Restrict, openCollectionCase: true));
        Assert.Contains("Art 17(3)(e)", ErasureRules.KeptBecause(Categories.Name, openCollectionCase: true), StringComparison.Ordinal);
        Assert.Equal(TableFate.Delete, ErasureRules.Fate(profile, openCollectionCase: false));
    }

    [Fact]
    public void AnonymisingEmptiesTextsButKeepsFiguresForStatistics()
    {
        Assert.Equal(ColumnFate.ClearText, ErasureRules.Column(Categories.Feedback, TableFate.Anonymise, openCollectionCase: false));
        Assert.Equal(ColumnFate.Clear, ErasureRules.Column(Categories.Email, TableFate.Anonymise, openCollectionCase: false));
        Assert.Contains("Kirjanpitolaki", ErasureRules.KeptBecause(Categories.Invoice, openCollectionCase: false), StringComparison.Ordinal);
    }

    private static readonly RetentionDates Dates = new(Options.Create(new RetentionOptions()), Options.Create(new BillingOptions()),
        Options.Create(new RequestOptions()));

    [Theory]
    [InlineData("accounting-voucher", "2025-06-30", "2031-12-31")]
    [InlineData("accounting-voucher", "2025-12-31", "2031-12-31")]
    [InlineData("web-behaviour", "2025-10-31", "2026-11-30")]
    [InlineData("customer-profile", "2024-11-25", "2026-11-25")]
    [InlineData("prospect", "2024-11-25", "2026-11-25")]
    [InlineData("waste-record", "2024-02-29", "2030-02-28")]
    [InlineData("hazardous-waste-document", "2025-03-15", "2028-03-15")]
    [InlineData("rights-request", "2026-11-25", "2029-11-25")]
    [InlineData("call-recording", "2026-01-31", "2026-03-31")]
    [InlineData("identity-code-on-certificate", "2026-01-01", "2026-04-01")]
    public void DueDatesCountFromTheStartingEvent(string rule, string start, string due)
    {
        var retention = new[]
        {
            RetentionRule.Voucher, RetentionRule.WasteRecord, RetentionRule.HazardousWasteDocument, RetentionRule.RightsRequest,
            RetentionRule.CallRecording, RetentionRule.WebBehaviour, RetentionRule.CustomerProfile, RetentionRule.Prospect,
            RetentionRule.IdentityCodeOnCertificate,
        }.Single(r => r.Id == rule);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Dates.DueFrom(retention, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void TheIdentityCodeOnACertificateIsDueTheConfiguredDaysAfterIssue()
    {
        var thirty = new RetentionDates(Options.Create(new RetentionOptions()), Options.Create(new BillingOptions()),
            Options.Create(new RequestOptions()), Options.Create(new Vehicles.VehiclesOptions { IdentityCodeDays = 30 }));
        Assert.Equal(new DateOnly(2026, 3, 31), thirty.DueFrom(RetentionRule.IdentityCodeOnCertificate, new DateOnly(2026, 3, 1)));
        Assert.Equal(RetentionRule.IdentityCodeOnCertificate, Categories.IdentityCode.Retention);
        Assert.Equal(RetentionRule.WasteRecord, Categories.VehicleScrapping.Retention);
    }

    [Fact]
    public void AVoucherOfAFinancialYearEndingInJuneCountsFromThatYearsEnd()
    {
        var june = new RetentionDates(Options.Create(new RetentionOptions()),
            Options.Create(new BillingOptions { FinancialYearEndMonth = 6, FinancialYearEndDay = 30 }), Options.Create(new RequestOptions()));
        Assert.Equal(new DateOnly(2032, 12, 31), june.DueFrom(RetentionRule.Voucher, new DateOnly(2025, 8, 1)));
        Assert.Equal(new DateOnly(2031, 12, 31), june.DueFrom(RetentionRule.Voucher, new DateOnly(2025, 6, 30)));
        Assert.Null(june.DueFrom(RetentionRule.CctvRecording, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void OnlyChannelsWithAProhibitionInForceAreKeptAsBans()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var ledger = new List<ConsentFact>
        {
            new(MarketingChannel.Email, Purposes.Marketing, ConsentEntryKind.Prohibition, at, Guid.NewGuid()),
            new(MarketingChannel.Post, Purposes.Marketing, ConsentEntryKind.Prohibition, at, Guid.NewGuid()),
            new(MarketingChannel.Post, Purposes.Marketing, ConsentEntryKind.ProhibitionLifted, at.AddDays(1), Guid.NewGuid()),
            new(MarketingChannel.Sms, Purposes.Marketing, ConsentEntryKind.PermissionWithdrawn, at, Guid.NewGuid()),
        };
        Assert.Equal([MarketingChannel.Email], MarketingConsentRules.RefusedChannels(SubjectKind.Consumer, ledger));
    }
}
