using CustomerRegister.Marketing;

namespace CustomerRegister.Demo;

/// <summary>
/// The surveys and marketing events of one seed run. They describe no one, so there are a few per run rather than per
/// chunk; the first batch writes them, before any answer or invitation that refers to them.
/// </summary>
public sealed class DemoCatalogue
{
    private static readonly (string Name, int DaysAgo)[] SurveyPlan =
    [
        ("Asiakastyytyväisyyskysely", 700), ("Metallinkeräyksen palvelukysely", 400), ("Romuauton noudon palaute", 200),
        ("Asiakastyytyväisyyskysely", 40),
    ];

    private static readonly (string Name, int DaysFromNow, string? Place)[] EventPlan =
    [
        ("Kierrätyksen avoimet ovet", -520, "Tampere"), ("Metalliromun keräyspäivä", -300, "Espoo"),
        ("Kiertotalousseminaari yrityksille", -120, "Helsinki"), ("Romuautokampanja", -30, null),
        ("Kevään keräystapahtuma", 25, "Turku"), ("Yritysasiakkaiden aamukahvit", 60, "Oulu"),
    ];

    private DemoCatalogue(IReadOnlyList<Survey> surveys, IReadOnlyList<MarketingEvent> events)
    {
        Surveys = surveys;
        Events = events;
    }

    public IReadOnlyList<Survey> Surveys { get; }

    public IReadOnlyList<MarketingEvent> Events { get; }

    /// <summary>Fixed names and dates relative to the run's time.</summary>
    public static DemoCatalogue Create(DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        return new(
            [.. SurveyPlan.Select(s => new Survey
            {
                Id = Guid.CreateVersion7(), Name = $"{s.Name} {today.AddDays(-s.DaysAgo).Year}", Date = today.AddDays(-s.DaysAgo), CreatedAt = now,
            })],
            [.. EventPlan.Select(e => new MarketingEvent
            {
                Id = Guid.CreateVersion7(), Name = e.Name, Date = today.AddDays(e.DaysFromNow), Place = e.Place, CreatedAt = now,
            })]);
    }

    public void AddTo(DemoBatch batch)
    {
        foreach (var survey in Surveys)
        {
            batch.Add(survey);
        }

        foreach (var marketingEvent in Events)
        {
            batch.Add(marketingEvent);
        }
    }
}
