using CustomerRegister.Infrastructure;
using CustomerRegister.Profiling;

namespace CustomerRegister.Tests.Unit;

/// <summary>The profiling rules are pure: the same inputs and thresholds give the same result, said the same way in words.</summary>
public sealed class ProfilingRulesTests
{
    private static readonly ProfilingOptions Defaults = new();
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static BusinessInputs Business(int monthsAgo, int deliveries, int invoices = 0, decimal value = 0m) =>
        new(Today, Today.AddMonths(-monthsAgo), deliveries, invoices, value);

    [Theory]
    [InlineData(3, 12, 0, 0, Segment.ActiveScrapSeller)]
    [InlineData(3, 6, 0, 0, Segment.ActiveScrapSeller)]
    [InlineData(3, 5, 0, 0, Segment.OccasionalScrapSeller)]
    [InlineData(1, 2, 2, 900, Segment.OccasionalScrapSeller)]
    [InlineData(1, 1, 3, 6000, Segment.MajorServiceCustomer)]
    [InlineData(1, 0, 3, 5000, Segment.MajorServiceCustomer)]
    [InlineData(1, 0, 3, 4999.99, Segment.ServiceCustomer)]
    [InlineData(6, 12, 0, 0, Segment.Lapsing)]
    [InlineData(11, 1, 0, 0, Segment.Lapsing)]
    [InlineData(12, 0, 0, 0, Segment.Dormant)]
    [InlineData(40, 0, 0, 0, Segment.Dormant)]
    public void TheSegmentFollowsRecencyFrequencyAndValue(int monthsAgo, int deliveries, int invoices, double value, Segment expected) =>
        Assert.Equal(expected, SegmentRule.Apply(Business(monthsAgo, deliveries, invoices, (decimal)value), Defaults));

    [Fact]
    public void NoBusinessGivesNoSegment() =>
        Assert.Null(SegmentRule.Apply(new BusinessInputs(Today, null, 0, 0, 0m), Defaults));

    [Fact]
    public void TheThresholdsComeFromTheOptions()
    {
        var strict = new ProfilingOptions { ActiveDeliveriesPerYear = 20, ActiveMonths = 2, MajorCustomerEuros = 100m };
        Assert.Equal(Segment.OccasionalScrapSeller, SegmentRule.Apply(Business(1, 12), strict));
        Assert.Equal(Segment.Lapsing, SegmentRule.Apply(Business(3, 12), strict));
        Assert.Equal(Segment.MajorServiceCustomer, SegmentRule.Apply(Business(1, 0, 1, 150m), strict));
    }

    [Theory]
    [InlineData("2026-09-06", "2026-12-06", 3)]
    [InlineData("2026-09-07", "2026-12-06", 2)]
    [InlineData("2026-11-20", "2026-12-06", 0)]
    [InlineData("2025-12-06", "2026-12-06", 12)]
    [InlineData("2026-01-31", "2026-02-28", 1)] // the end of a month to the end of the next
    [InlineData("2026-12-07", "2026-12-06", 0)]
    public void MonthsAreWholeMonths(string from, string to, int months) =>
        Assert.Equal(months, SegmentRule.MonthsBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void InterestsComeFromDeliveriesCertificatesServicesAndContacts()
    {
        var found = InterestRule.Apply(new InterestInputs(4, 1, ["Jätehuolto, Tampereen toimipiste"],
            ["Kysyi vaihtolavan hintaa", "Lava pihaan ensi viikolla", "Kysyi laskusta"]), Defaults);

        Assert.Equal(
            [
                new InterestOutcome(ServiceInterest.ScrapMetal, InterestEvidence.ScrapDeliveries, 4),
                new InterestOutcome(ServiceInterest.VehicleScrapping, InterestEvidence.ScrappingCertificates, 1),
                new InterestOutcome(ServiceInterest.WasteManagement, InterestEvidence.OrderedServices, 1),
                new InterestOutcome(ServiceInterest.ContainerRental, InterestEvidence.Contacts, 2),
            ],
            found);
    }

    [Fact]
    public void OneContactIsNotYetAnInterest()
    {
        Assert.Empty(InterestRule.Apply(new InterestInputs(0, 0, [], ["Kysyi vaihtolavan hintaa"]), Defaults));
        Assert.Single(InterestRule.Apply(new InterestInputs(0, 0, [], ["Kysyi vaihtolavan hintaa"]), new ProfilingOptions { InterestContacts = 1 }));
    }

    [Fact]
    public void ASegmentIsExplainedInWordsInEachLanguage()
    {
        var result = new ProfileResult
        {
            Segment = Segment.ActiveScrapSeller,
            Rule = SegmentRule.Id,
            ComputedAt = HelsinkiTime.StartUtc(Today).AddHours(2),
            LastBusinessOn = Today.AddMonths(-3),
            Deliveries = 10,
            Invoices = 2,
            Amount = 1234.5m,
        };

        Assert.Equal("asiointi viimeksi 3 kk sitten, 12 käyntiä vuodessa (romutoimituksia 10, laskuja 2, yhteensä 1\u00a0234,50\u00a0€) → aktiivinen romunmyyjä",
            ProfileWords.Explain(result, Defaults, "fi"));
        Assert.Equal("senaste ärende för 3 mån sedan, 12 besök per år (skrotleveranser 10, fakturor 2, sammanlagt 1\u00a0234,50\u00a0€) → aktiv skrotsäljare",
            ProfileWords.Explain(result, Defaults, "sv"));
        Assert.Equal("last business 3 months ago, 12 visits a year (10 scrap deliveries, 2 invoices, 1\u00a0234,50\u00a0€ in all) → active scrap seller",
            ProfileWords.Explain(result, Defaults, "en"));
        Assert.StartsWith("asiointi viimeksi 3 kk sitten, 12 käyntiä 6 kuukaudessa",
            ProfileWords.Explain(result, new ProfilingOptions { WindowMonths = 6, ActiveMonths = 3 }, "fi"));
    }

    [Fact]
    public void AnInterestIsExplainedByWhatItWasReadFrom()
    {
        var result = new ProfileResult
        {
            Interest = ServiceInterest.ContainerRental,
            Evidence = InterestEvidence.Contacts,
            EvidenceCount = 2,
            Rule = InterestRule.Id,
            ComputedAt = HelsinkiTime.StartUtc(Today),
        };

        Assert.Equal("2 yhteydenottoa aiheesta viimeisen 12 kk aikana → kiinnostus: vaihtolavat ja kontit", ProfileWords.Explain(result, Defaults, "fi"));
    }

    [Fact]
    public void TheReportSaysThereIsNoDecisionWithLegalEffectAndHowToObject()
    {
        var none = ProfileWords.Report([], stopped: false, Defaults, "fi");
        Assert.Contains("22 artikla", none);
        Assert.Contains("Voit vastustaa profilointia", none);
        var stopped = ProfileWords.Report([], stopped: true, Defaults, "sv");
        Assert.Contains("Ni profileras inte", stopped);
        Assert.DoesNotContain("Ni kan när som helst invända", stopped);
    }

    [Fact]
    public void TheNightlyRunIsAtTheConfiguredHelsinkiHour()
    {
        // 6.12.2026 01:00 Helsinki (UTC+2) = 5.12. 23:00 UTC: tonight's 02:00 is still ahead.
        Assert.Equal(new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc), ProfilingNightly.NextRun(new DateTime(2026, 12, 5, 23, 0, 0, DateTimeKind.Utc), 2));
        // At 02:00 sharp it is the next night's.
        Assert.Equal(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc), ProfilingNightly.NextRun(new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc), 2));
    }

    [Theory]
    [InlineData(24, 12, 6)]
    [InlineData(2, 12, 13)]
    [InlineData(2, 0, 6)]
    public void UnworkableThresholdsAreRefused(int hour, int window, int active) =>
        Assert.NotNull(new ProfilingOptions { RunAtHour = hour, WindowMonths = window, ActiveMonths = active }.Invalid());

    [Fact]
    public void TheDefaultsAreWorkable() => Assert.Null(Defaults.Invalid());
}
