using System.Reflection;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using CustomerRegister.Vehicles;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

/// <summary>Each rule's period is said, counted and bounded from one value, and the settings that name it set it.</summary>
public sealed class RetentionPeriodTests
{
    public static readonly RetentionRule[] Rules =
    [
        .. typeof(RetentionRule).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(RetentionRule))
            .Select(f => (RetentionRule)f.GetValue(null)!),
    ];

    public static TheoryData<string> RuleIds => [.. Rules.Select(r => r.Id)];

    private static RetentionRule Rule(string id) => Rules.Single(r => r.Id == id);

    private static RetentionDates Dates(RetentionOptions? retention = null, BillingOptions? billing = null, RequestOptions? requests = null,
        VehiclesOptions? vehicles = null) =>
        new(Options.Create(retention ?? new RetentionOptions()), Options.Create(billing ?? new BillingOptions()),
            Options.Create(requests ?? new RequestOptions()), Options.Create(vehicles ?? new VehiclesOptions()));

    [Fact]
    public void EveryRuleOfTheCatalogueIsAmongTheRules() =>
        Assert.All(Categories.All, c => Assert.Contains(c.Retention, Rules));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void TheDefaultSettingsAreTheRulesOwnPeriods(string id)
    {
        var rule = Rule(id);
        Assert.Equal(rule.Period, Dates().PeriodOf(rule));
        Assert.Equal(rule.Period.Text, rule.DefaultPeriod);
    }

    /// <summary>A rule that names a setting takes its amount from it, and says the configured amount, not the default.</summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ASettingNamedByAPeriodSetsItsAmountAndItsWords(string id)
    {
        var rule = Rule(id);
        if (rule.Period.Setting is not { } setting)
        {
            return;
        }

        var (section, name) = (setting.Split(':')[0], setting.Split(':')[1]);
        object[] options = [new RetentionOptions(), new BillingOptions(), new RequestOptions(), new VehiclesOptions()];
        var holder = options.Single(o => (string)o.GetType().GetField("Section")!.GetValue(null)! == section);
        var property = holder.GetType().GetProperty(name)!;
        var configured = (int)property.GetValue(holder)! + 5;
        property.SetValue(holder, configured);

        var period = Dates((RetentionOptions)options[0], (BillingOptions)options[1], (RequestOptions)options[2], (VehiclesOptions)options[3])
            .PeriodOf(rule);
        Assert.Equal(configured, period.Amount);
        Assert.All(Localization.Languages.All, language => Assert.Contains($"{configured} ", period.In(language), StringComparison.Ordinal));
        Assert.Contains($"({setting})", period.In("en"), StringComparison.Ordinal);
    }

    /// <summary>The first start day a sweep keeps is exactly where the due date reaches the sweep's day, for every rule and many days.</summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void TheSweepsBoundIsWhereTheDueDateReachesTheDay(string id)
    {
        var period = Dates().PeriodOf(Rule(id));
        var today = new DateOnly(2024, 1, 1);
        for (var day = today; day < today.AddYears(2); day = day.AddDays(13))
        {
            if (period.FirstKept(day) is not { } first)
            {
                Assert.Null(period.DueFrom(day));
                continue;
            }

            Assert.True(period.DueFrom(first) >= day, $"{id}: an item from {first} is due {period.DueFrom(first)}, before {day}");
            Assert.True(period.DueFrom(first.AddDays(-1)) < day, $"{id}: an item from {first.AddDays(-1)} would still be kept on {day}");
        }
    }

    [Fact]
    public void ThePeriodSaysItselfInEachLanguage()
    {
        Assert.Equal("24 kuukautta (Retention:ProspectMonths)", RetentionRule.Prospect.Period.In("fi"));
        Assert.Equal("24 månader (Retention:ProspectMonths)", RetentionRule.Prospect.Period.In("sv"));
        Assert.Equal("1 month", RetentionPeriod.Months(1).In("en"));
        Assert.Equal("1 vuosi", RetentionPeriod.Years(1).In("fi"));
        Assert.Equal("90 dagar", RetentionPeriod.Days(90).In("sv"));
        Assert.Equal("until the vehicle's deregistration is recorded, at most 90 days (Vehicles:IdentityCodeDays)",
            RetentionRule.IdentityCodeOnCertificate.Period.In("en"));
        Assert.Equal("the production unit's period, at most 6 months", RetentionRule.CctvRecording.Period.In("en"));
    }

    [Fact]
    public void AVoucherIsKeptToTheEndOfTheCalendarYearOfItsFinancialYearsEnd()
    {
        var june = Dates(billing: new BillingOptions { FinancialYearEndMonth = 6, FinancialYearEndDay = 30 }).PeriodOf(RetentionRule.Voucher);
        Assert.Equal(new DateOnly(2032, 12, 31), june.DueFrom(new DateOnly(2025, 8, 1)));
        Assert.Equal(new DateOnly(2031, 12, 31), june.DueFrom(new DateOnly(2025, 6, 30)));
        Assert.Equal(new DateOnly(2031, 12, 31), june.DueFrom(new DateOnly(2025, 12, 31), startIsFinancialYearEnd: true));
    }

    [Fact]
    public void TheIdentityCodesBoundIsThePeriodsFirstKeptDay()
    {
        var thirty = Dates(vehicles: new VehiclesOptions { IdentityCodeDays = 30 }).PeriodOf(RetentionRule.IdentityCodeOnCertificate);
        var today = new DateOnly(2026, 3, 31);
        Assert.Equal(thirty.FirstKept(today), IdentityCodeExpiry.DueIfIssuedBefore(today, 30));
    }
}
