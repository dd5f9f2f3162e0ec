using CustomerRegister.Localization;

namespace CustomerRegister.Search;

/// <summary>The search page's texts, and each index field in words ("puhelinnumero", not <c>phone</c>).</summary>
[TextTable]
public static class SearchPageTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["SearchPage.Hint"] = new(
            "Nimen alku riittää, ääkkösiä ei tarvita. Puhelinnumeron voi kirjoittaa välilyönneillä.",
            "Början av namnet räcker, å, ä och ö behövs inte. Telefonnumret kan skrivas med mellanslag.",
            "The start of a name is enough, accents are not needed. A phone number may be typed with spaces."),
        ["SearchPage.Results"] = new("Osumat ({0})", "Träffar ({0})", "Matches ({0})"),
        ["SearchPage.Narrow"] = new(
            "Näytetään ensimmäiset osumat. Tarkenna hakua, jos etsimäsi ei ole joukossa.",
            "De första träffarna visas. Förfina sökningen om den du söker inte finns med.",
            "Showing the first matches. Narrow the search if the one you look for is not among them."),
        ["SearchPage.Name"] = new("Nimi", "Namn", "Name"),
        ["SearchPage.Kind"] = new("Tyyppi", "Typ", "Kind"),
        ["SearchPage.Organisation"] = new("Organisaatio", "Organisation", "Organisation"),
        [$"SearchPage.Field.{SearchIndex.NameField}"] = new("nimi", "namn", "name"),
        [$"SearchPage.Field.{SearchIndex.PhoneField}"] = new("puhelinnumero", "telefonnummer", "phone number"),
        [$"SearchPage.Field.{SearchIndex.EmailField}"] = new("sähköposti", "e-post", "email"),
        [$"SearchPage.Field.{SearchIndex.BusinessIdField}"] = new("Y-tunnus", "FO-nummer", "business ID"),
        [$"SearchPage.Field.{SearchIndex.CustomerNumberField}"] = new("asiakas- tai sopimusnumero", "kund- eller avtalsnummer",
            "customer or contract number"),
        [$"SearchPage.Field.{SearchIndex.RegistrationField}"] = new("rekisterinumero", "registreringsnummer", "registration number"),
        [$"SearchPage.Code.{SearchCodes.CustomerNumber}"] = new("asiakasnumero {0}", "kundnummer {0}", "customer number {0}"),
        [$"SearchPage.Code.{SearchCodes.ContractNumber}"] = new("sopimusnumero {0}", "avtalsnummer {0}", "contract number {0}"),
        [$"SearchPage.Code.{SearchCodes.Registration}"] = new("rekisterinumero {0}", "registreringsnummer {0}", "registration number {0}"),
    };
}
