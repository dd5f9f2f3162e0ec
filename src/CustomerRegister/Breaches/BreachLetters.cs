using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Breaches;

/// <summary>
/// The letter to the people a breach concerns (GDPR Art 34(2)): in clear and plain language, in Finnish, Swedish or
/// English, in the voice of <see cref="RequestLetters"/> — what happened, which of their data, the likely consequences,
/// the measures taken, and whom to contact (the DPO), with the right to complain to the authority.
/// </summary>
public static class BreachLetters
{
    private static readonly LocalText Subject = new(
        "Tietoturvaloukkaus, joka koskee henkilötietojasi", "Personuppgiftsincident som gäller dina personuppgifter",
        "A personal-data breach concerning your data");

    private static readonly LocalText Intro = new(
        "Kerromme sinulle tietoturvaloukkauksesta, joka on koskenut henkilötietojasi. Havaitsimme sen {0}.",
        "Vi informerar dig om en personuppgiftsincident som har gällt dina personuppgifter. Vi upptäckte den den {0}.",
        "We are telling you about a personal-data breach that concerned your data. We discovered it on {0}.");

    private static readonly LocalText WhatHappened = new("Mitä tapahtui: {0}", "Vad hände: {0}", "What happened: {0}");

    private static readonly LocalText WhichData = new(
        "Loukkaus koski näitä tietoja: {0}.", "Incidenten gällde följande uppgifter: {0}.", "It concerned these data: {0}.");

    private static readonly LocalText Consequences = new(
        "Todennäköiset seuraukset: {0}", "Sannolika följder: {0}", "Likely consequences: {0}");

    private static readonly LocalText Measures = new(
        "Mitä olemme tehneet: {0}", "Vad vi har gjort: {0}", "What we have done: {0}");

    private static readonly LocalText Advice = new(
        "Suosittelemme, että olet tarkkana epäilyttävien viestien ja yhteydenottojen suhteen etkä anna tunnuksia tai maksutietoja niitä pyytäville.",
        "Vi rekommenderar att du är uppmärksam på misstänkta meddelanden och kontakter och inte lämnar ut koder eller betalningsuppgifter till dem som frågar.",
        "We advise you to be careful with suspicious messages and calls and not to give codes or payment details to anyone who asks for them.");

    /// <summary>The letter's subject line and body in <paramref name="language"/> (fi, sv or en).</summary>
    public static (string Subject, string Body) Letter(Breach breach, string language, ReportController? from = null)
    {
        var categories = string.Join(", ", breach.Categories.Select(id => Categories.All.FirstOrDefault(c => c.Id == id)?.Name(language) ?? id)
            .Select(n => n.ToLower(Display.Format)));
        var body = RequestLetters.Compose(language, null, from,
            Intro.Format(Display.Date(breach.DiscoveredAt)).In(language),
            WhatHappened.Format(breach.Description).In(language),
            WhichData.Format(categories).In(language),
            Consequences.Format(breach.Consequences).In(language),
            Measures.Format(breach.Measures).In(language),
            Advice.In(language));
        return (Subject.In(language), body);
    }
}
