using CustomerRegister.Localization;

namespace CustomerRegister.Vehicles.Pages.Panels;

/// <summary>What the person page's panel shows of a certificate whose identity code was revealed on this request.</summary>
public sealed record RevealedIdentityCode(Guid CertificateId, string? Value, bool Denied);

[TextTable]
public static class VehiclesPanelTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Panel.Vehicles.New"] = new("+ Uusi romutustodistus", "+ Nytt skrotningsintyg", "+ New scrapping certificate"),
        ["Panel.Vehicles.Certificate"] = new("Romutustodistus {0}", "Skrotningsintyg {0}", "Scrapping certificate {0}"),
        ["Panel.Vehicles.RegistrationNumber"] = new("Rekisterinumero", "Registreringsnummer", "Registration number"),
        ["Panel.Vehicles.Vehicle"] = new("Ajoneuvo", "Fordon", "Vehicle"),
        ["Panel.Vehicles.Issued"] = new("Päiväys", "Datum", "Issued"),
        ["Panel.Vehicles.Deregistered"] = new("Poistettu liikennekäytöstä", "Avregistrerad", "Deregistered"),
        ["Panel.Vehicles.NotDeregistered"] = new("ei vielä kirjattu", "inte ännu registrerat", "not yet recorded"),
        ["Panel.Vehicles.IdentityCode"] = new("Henkilötunnus", "Personbeteckning", "Personal identity code"),
        ["Panel.Vehicles.IdentityCodeEmptied"] = new("tyhjennetty", "tömd", "emptied"),
        ["Panel.Vehicles.Reveal"] = new("Näytä henkilötunnus", "Visa personbeteckningen", "Show the identity code"),
        ["Panel.Vehicles.RevealNote"] = new(
            "Näyttäminen kirjataan tapahtumalokiin valitsemasi käyttötarkoituksen kanssa.",
            "Visningen loggas i händelseloggen med det ändamål du väljer.",
            "Showing it is written to the audit log with the purpose you choose."),
        ["Panel.Vehicles.RevealDenied"] = new(
            "Sinulla ei ole oikeutta nähdä henkilötunnusta.", "Du har inte rätt att se personbeteckningen.", "You may not see the identity code."),
    };
}
