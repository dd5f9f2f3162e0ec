using CustomerRegister.Localization;
using CustomerRegister.Subjects.Pages.Subjects;

namespace CustomerRegister.Restrictions.Pages.Panels;

/// <summary>The header badges of a person whose processing is restricted or who objected to profiling.</summary>
public sealed class ProcessingLimitBadges : ISubjectBadges
{
    public string Section => "processingLimits";

    public IEnumerable<Badge> Of(object items) =>
        items is IEnumerable<ProcessingLimitSummary> limits
            ? limits.Select(l => l.Kind).Distinct().Select(k => new Badge(UiText.Get($"Panel.ProcessingLimits.Badge.{k}"), "restricted"))
            : [];
}

[TextTable]
public static class ProcessingLimitsPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.ProcessingLimits.Badge.Restriction"] = new("Käsittely rajoitettu", "Behandlingen begränsad", "Processing restricted"),
        ["Panel.ProcessingLimits.Badge.ProfilingObjection"] = new("Vastustettu: profilointi", "Invändning: profilering", "Objected: profiling"),
        ["Panel.ProcessingLimits.Ground"] = new("Peruste", "Grund", "Ground"),
        ["Panel.ProcessingLimits.Since"] = new("voimassa {0} alkaen", "gäller från {0}", "in force since {0}"),
        ["Panel.ProcessingLimits.None"] = new(
            "Ei rajoituksia eikä vastustamisia voimassa.", "Inga begränsningar eller invändningar gäller.", "No restrictions or objections in force."),
    };
}
