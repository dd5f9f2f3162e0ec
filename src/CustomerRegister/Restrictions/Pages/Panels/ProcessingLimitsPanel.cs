using CustomerRegister.Localization;
using CustomerRegister.Subjects.Pages.Subjects;

namespace CustomerRegister.Restrictions.Pages.Panels;

/// <summary>The header badges of a person whose processing is restricted or who objected to profiling.</summary>
public sealed class ProcessingLimitBadges : ISubjectBadges
{
    public string Section => "processingLimits";

    public IEnumerable<Badge> Of(object items) =>
        items is IEnumerable<ProcessingLimitSummary> limits
            ? limits.Select(l => l.Kind).Distinct().Select(k => new Badge(PanelText.Enum("ProcessingLimits.Badge", k), "restricted"))
            : [];
}

[TextTable]
public static class ProcessingLimitsPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.ProcessingLimits.Badge.LimitKind.Restriction"] = new("Käsittely rajoitettu", "Behandlingen begränsad", "Processing restricted"),
        ["Panel.ProcessingLimits.Badge.LimitKind.ProfilingObjection"] = new("Vastustettu: profilointi", "Invändning: profilering", "Objected: profiling"),
        ["Panel.ProcessingLimits.LimitKind.Restriction"] = new(
            "Käsittelyn rajoitus (tietosuoja-asetus 18 art.)", "Begränsning av behandlingen (artikel 18 i dataskyddsförordningen)",
            "Restriction of processing (GDPR Art 18)"),
        ["Panel.ProcessingLimits.LimitKind.ProfilingObjection"] = new(
            "Profiloinnin vastustaminen (21 art.)", "Invändning mot profilering (artikel 21)", "Objection to profiling (Art 21)"),
        ["Panel.ProcessingLimits.RestrictionGround.AccuracyContested"] = new(
            "henkilö kiistää tietojen paikkansapitävyyden", "personen bestrider uppgifternas riktighet", "the person contests the accuracy"),
        ["Panel.ProcessingLimits.RestrictionGround.UnlawfulProcessing"] = new(
            "käsittely lainvastaista, henkilö pyysi rajoitusta poiston sijaan", "olaglig behandling, personen begärde begränsning i stället för radering",
            "unlawful processing, the person asked for restriction instead of erasure"),
        ["Panel.ProcessingLimits.RestrictionGround.NeededForLegalClaims"] = new(
            "henkilö tarvitsee tietoja oikeusvaateeseen", "personen behöver uppgifterna för rättsliga anspråk", "the person needs the data for legal claims"),
        ["Panel.ProcessingLimits.RestrictionGround.ObjectionPending"] = new(
            "vastustamista arvioidaan", "invändningen prövas", "an objection is being weighed"),
        ["Panel.ProcessingLimits.RestrictionGround.KeptByLawAfterErasure"] = new(
            "säilytetään lain vuoksi poiston jälkeen", "bevaras enligt lag efter radering", "kept by law after erasure"),
        ["Panel.ProcessingLimits.Ground"] = new("Peruste", "Grund", "Ground"),
        ["Panel.ProcessingLimits.Since"] = new("voimassa {0} alkaen", "gäller från {0}", "in force since {0}"),
        ["Panel.ProcessingLimits.None"] = new(
            "Ei rajoituksia eikä vastustamisia voimassa.", "Inga begränsningar eller invändningar gäller.", "No restrictions or objections in force."),
    };
}
