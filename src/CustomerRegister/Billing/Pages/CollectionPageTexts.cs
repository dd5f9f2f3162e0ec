using CustomerRegister.Localization;

namespace CustomerRegister.Billing.Pages;

/// <summary>The collection hand-over's words (the agency's file out, its status file in), Finnish first.</summary>
[TextTable]
public static class CollectionPageTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["AgencyStatus.InProgress"] = new("Perinnässä", "Under indrivning", "In progress"),
        ["AgencyStatus.Paid"] = new("Maksettu", "Betald", "Paid"),
        ["AgencyStatus.Returned"] = new("Palautettu", "Återlämnad", "Returned"),
        ["AgencyStatus.Ended"] = new("Päättynyt", "Avslutad", "Ended"),
    };
}
