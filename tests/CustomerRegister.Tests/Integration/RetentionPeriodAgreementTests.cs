using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Retention;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>The register with periods other than the defaults, so that a number said or bounded apart from its setting shows.</summary>
public sealed class ConfiguredPeriodsFactory : ClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Retention:SweepEnabled", "false");
        builder.UseSetting("Retention:WebBehaviourMonths", "7");
        builder.UseSetting("Retention:ProspectMonths", "30");
        builder.UseSetting("Retention:CustomerProfileMonths", "18");
        builder.UseSetting("Retention:ConsentEvidenceMonths", "36");
        builder.UseSetting("Requests:RetentionYears", "4");
        builder.UseSetting("Vehicles:IdentityCodeDays", "30");
        builder.UseSetting("Billing:VoucherRetentionYears", "7");
    }
}

/// <summary>
/// For every rule, the preview's and the sweep's bound (both <see cref="RetentionPlan.RowSources"/>, the profile rules'
/// <see cref="RetentionPlan.SubjectBound"/>) and the words they show agree with the rule's configured period.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionPeriodAgreementTests(ConfiguredPeriodsFactory app) : IClassFixture<ConfiguredPeriodsFactory>
{
    [Fact]
    public async Task EveryBoundAndReasonOfThePlanIsItsRulesConfiguredPeriod()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var dates = scope.ServiceProvider.GetRequiredService<RetentionDates>();
        var plan = scope.ServiceProvider.GetRequiredService<RetentionSweep>().Plan();

        // Just after midnight in Helsinki, when the UTC date is still the day before.
        var asOf = HelsinkiTime.StartUtc(app.Today.AddDays(1)).AddMinutes(30);
        var today = HelsinkiTime.DateOf(asOf);
        Assert.Equal(app.Today.AddDays(1), today);

        var sources = plan.RowSources(asOf);
        var ruled = sources.Select(s => s.Rule).Distinct().ToList();
        Assert.Contains(RetentionRule.WebBehaviour, ruled);
        Assert.Contains(RetentionRule.Voucher, ruled);
        Assert.Contains(RetentionRule.RightsRequest, ruled);
        Assert.Contains(RetentionRule.CctvRecording, ruled);
        foreach (var source in sources)
        {
            var period = source.Rule == RetentionRule.CctvRecording ? source.Period : dates.PeriodOf(source.Rule);
            Assert.Equal(period, source.Period);
            var first = period.FirstKept(today, RetentionPlan.StartIsFinancialYearEnd(source.Start))!.Value;
            Assert.Equal(RetentionPlan.Typed(source.Start, first), source.Bound);
            Assert.Contains(period.In("en"), source.Reason, StringComparison.Ordinal);
            Assert.True(period.DueFrom(first, RetentionPlan.StartIsFinancialYearEnd(source.Start)) >= today, source.Reason);
            Assert.True(period.DueFrom(first.AddDays(-1), RetentionPlan.StartIsFinancialYearEnd(source.Start)) < today, source.Reason);
        }

        Assert.Contains(sources, s => s.Reason.Contains("7 months (Retention:WebBehaviourMonths)", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Reason.Contains("4 years (Requests:RetentionYears)", StringComparison.Ordinal));
        Assert.Equal(today.AddMonths(-7), sources.First(s => s.Rule == RetentionRule.WebBehaviour).Bound switch
        {
            DateTime t => HelsinkiTime.DateOf(t),
            DateOnly d => d,
            var other => throw new InvalidOperationException($"{other}"),
        });

        foreach (var rule in RetentionPlan.SubjectRules)
        {
            var period = dates.PeriodOf(rule);
            Assert.Equal(period.FirstKept(today), plan.SubjectBound(rule.Id, asOf));
            Assert.Contains(period.In("en"), plan.SubjectReason(rule), StringComparison.Ordinal);
        }

        Assert.Equal(today.AddMonths(-30), plan.SubjectBound(RetentionRule.Prospect.Id, asOf));
        Assert.Equal(today.AddMonths(-18), plan.SubjectBound(RetentionRule.CustomerProfile.Id, asOf));
        Assert.Equal(dates.PeriodOf(RetentionRule.IdentityCodeOnCertificate).FirstKept(today), Vehicles.IdentityCodeExpiry.DueIfIssuedBefore(today, 30));
    }
}
