using CustomerRegister.Localization;

namespace CustomerRegister.Vehicles.Pages;

/// <summary>The scrap-yard reception desk's texts: the desk, the certificate form and page, the printed certificate.</summary>
[TextTable]
public static class ReceptionPageTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["Reception.Title"] = new("Vastaanotto", "Mottagning", "Reception"),
        ["Reception.NewScrapping"] = new("Uusi romutus", "Ny skrotning", "New scrapping"),
        ["Reception.NewScrappingIntro"] = new(
            "Etsi ajoneuvon omistaja tai lisää uusi, anna romutustodistus ja maksa metallihyvitys.",
            "Sök fordonets ägare eller lägg till en ny, utfärda skrotningsintyget och betala metallgottgörelsen.",
            "Find the vehicle's owner or add a new one, issue the scrapping certificate and pay the metal credit."),
        ["Reception.FindOwner"] = new("1. Etsi omistaja", "1. Sök ägaren", "1. Find the owner"),
        ["Reception.SearchLabel"] = new(
            "Nimi, puhelinnumero, sähköposti tai rekisterinumero",
            "Namn, telefonnummer, e-post eller registreringsnummer",
            "Name, phone number, email or registration number"),
        ["Reception.Search"] = new("Hae", "Sök", "Search"),
        ["Reception.SearchTooShort"] = new("Kirjoita vähintään 2 merkkiä.", "Skriv minst 2 tecken.", "Type at least 2 characters."),
        ["Reception.NoOwners"] = new(
            "Ei kuluttaja-asiakasta tällä haulla. Lisää uusi omistaja alla.",
            "Ingen konsumentkund med den här sökningen. Lägg till en ny ägare nedan.",
            "No consumer matches. Add a new owner below."),
        ["Reception.ChooseOwner"] = new("Valitse omistaja", "Välj ägaren", "Choose the owner"),
        ["Reception.NewOwner"] = new("Tai lisää uusi omistaja", "Eller lägg till en ny ägare", "Or add a new owner"),
        ["Reception.NewOwnerHint"] = new(
            "Nimi ja osoite tulostuvat romutustodistukseen sellaisina kuin ne tallennetaan.",
            "Namn och adress skrivs ut på skrotningsintyget så som de sparas.",
            "The name and address are printed on the certificate as saved."),
        ["Reception.CreateOwner"] = new("Lisää omistaja ja jatka", "Lägg till ägaren och fortsätt", "Add the owner and continue"),
        ["Reception.Today"] = new("Tänään {0}", "I dag {0}", "Today {0}"),
        ["Reception.TodayCertificates"] = new("Romutustodistukset", "Skrotningsintyg", "Scrapping certificates"),
        ["Reception.TodayPayouts"] = new("Metallihyvitykset", "Metallgottgörelser", "Metal credits"),
        ["Reception.PayoutTotal"] = new("{0} kpl, yhteensä {1}", "{0} st., sammanlagt {1}", "{0}, in total {1}"),
        ["Reception.NoneToday"] = new("Ei vielä tänään.", "Inga ännu i dag.", "None yet today."),
        ["Reception.Owner"] = new("Omistaja", "Ägare", "Owner"),
        ["Reception.Vehicle"] = new("Ajoneuvo", "Fordon", "Vehicle"),

        ["Reception.Field.FirstName"] = new("Etunimi", "Förnamn", "First name"),
        ["Reception.Field.LastName"] = new("Sukunimi", "Efternamn", "Last name"),
        ["Reception.Field.Street"] = new("Katuosoite", "Gatuadress", "Street address"),
        ["Reception.Field.PostalCode"] = new("Postinumero", "Postnummer", "Postal code"),
        ["Reception.Field.City"] = new("Postitoimipaikka", "Postanstalt", "City"),
        ["Reception.Field.Phone"] = new("Puhelin", "Telefon", "Phone"),
        ["Reception.Field.Email"] = new("Sähköposti", "E-post", "Email"),
        ["Reception.Field.CertificateNumber"] = new("Todistuksen numero", "Intygets nummer", "Certificate number"),
        ["Reception.Field.CertificateNumberHint"] = new(
            "Todistuslomakkeen numero; kirjaimet A–Z, numerot ja - / .",
            "Intygsblankettens nummer; bokstäver A–Z, siffror och - / .",
            "The certificate form's number; letters A–Z, digits and - / ."),
        ["Reception.Field.RegistrationNumber"] = new("Rekisterinumero", "Registreringsnummer", "Registration number"),
        ["Reception.Field.Vin"] = new("Valmistenumero (VIN)", "Chassinummer (VIN)", "Vehicle identification number (VIN)"),
        ["Reception.Field.VinHint"] = new("17 merkkiä, ei kirjaimia I, O eikä Q.", "17 tecken, inte bokstäverna I, O eller Q.", "17 characters, no letters I, O or Q."),
        ["Reception.Field.Make"] = new("Merkki", "Märke", "Make"),
        ["Reception.Field.Model"] = new("Malli", "Modell", "Model"),
        ["Reception.Field.VehicleClass"] = new("Ajoneuvoluokka", "Fordonsklass", "Vehicle class"),
        ["Reception.Field.IdentityCode"] = new("Omistajan henkilötunnus", "Ägarens personbeteckning", "Owner's personal identity code"),
        ["Reception.Field.IdentityCodeHint"] = new(
            "Tarkistetaan ennen tallennusta. Tallennettu tunnus näytetään peitettynä, eikä sitä tulosteta todistukseen.",
            "Kontrolleras före sparandet. En sparad beteckning visas maskerad och skrivs inte ut på intyget.",
            "Checked before saving. Once saved it is shown masked and is not printed on the certificate."),
        ["Reception.Field.Nationality"] = new("Kansalaisuus", "Nationalitet", "Nationality"),
        ["Reception.Field.NationalityHint"] = new("Maatunnus, esim. FI, SE, EE.", "Landskod, t.ex. FI, SE, EE.", "Country code, e.g. FI, SE, EE."),

        ["Reception.IdentityCode.Length"] = new(
            "Henkilötunnuksessa on 11 merkkiä.", "En personbeteckning har 11 tecken.", "A personal identity code has 11 characters."),
        ["Reception.IdentityCode.Format"] = new(
            "Muoto on PPKKVV, välimerkki, kolme numeroa ja tarkiste (esim. 131052-308T).",
            "Formen är DDMMÅÅ, skiljetecken, tre siffror och kontrolltecken (t.ex. 131052-308T).",
            "The form is DDMMYY, a century sign, three digits and a check character (e.g. 131052-308T)."),
        ["Reception.IdentityCode.CenturySign"] = new(
            "Seitsemäs merkki ei ole välimerkki: 1800-luvulla +, 1900-luvulla - tai Y, X, W, V, U, 2000-luvulla A–F.",
            "Det sjunde tecknet är inget sekeltecken: + för 1800-talet, - eller Y, X, W, V, U för 1900-talet, A–F för 2000-talet.",
            "The 7th character is not a century sign: + for the 1800s, - or Y, X, W, V, U for the 1900s, A–F for the 2000s."),
        ["Reception.IdentityCode.CheckCharacter"] = new(
            "Tarkistusmerkki ei täsmää; jokin merkki on luultavasti kirjoitettu väärin.",
            "Kontrolltecknet stämmer inte; något tecken är troligen felskrivet.",
            "The check character does not match; a character is probably mistyped."),
        ["Reception.IdentityCode.Live.Ok"] = new("Tarkistusmerkki täsmää.", "Kontrolltecknet stämmer.", "The check character matches."),

        ["Reception.NewCertificate.Title"] = new("Uusi romutustodistus", "Nytt skrotningsintyg", "New scrapping certificate"),
        ["Reception.NewCertificate.Owner"] = new("2. Omistaja", "2. Ägare", "2. Owner"),
        ["Reception.NewCertificate.Vehicle"] = new("3. Ajoneuvo ja todistus", "3. Fordon och intyg", "3. Vehicle and certificate"),
        ["Reception.NewCertificate.ChangeOwner"] = new("Vaihda omistaja", "Byt ägare", "Change the owner"),
        ["Reception.NewCertificate.NoOwner"] = new(
            "Omistajaa ei löydy kuluttaja-asiakkaista. Etsi tai lisää omistaja vastaanotossa.",
            "Ägaren finns inte bland konsumentkunderna. Sök eller lägg till ägaren i mottagningen.",
            "The owner is not among the consumers. Find or add the owner at the reception desk."),
        ["Reception.NewCertificate.Issue"] = new("Anna romutustodistus", "Utfärda skrotningsintyget", "Issue the certificate"),

        ["Reception.Certificate.Title"] = new("Romutustodistus {0}", "Skrotningsintyg {0}", "Scrapping certificate {0}"),
        ["Reception.Certificate.Issued"] = new("Romutustodistus on annettu.", "Skrotningsintyget har utfärdats.", "The certificate has been issued."),
        ["Reception.Certificate.IssueDate"] = new("Antopäivä", "Utfärdat", "Date of issue"),
        ["Reception.Certificate.Address"] = new("Osoite", "Adress", "Address"),
        ["Reception.Certificate.Deregistered"] = new("Rekisteristä poisto kirjattu", "Avregistrering registrerad", "Deregistration recorded"),
        ["Reception.Certificate.NoCodeKept"] = new(
            "Ei säilytetä (poistettu rekisteristä poiston jälkeen)",
            "Sparas inte (raderad efter avregistreringen)",
            "Not kept (emptied after the deregistration)"),
        ["Reception.Certificate.Pdf"] = new("Tulosta / lataa PDF", "Skriv ut / ladda ner PDF", "Print / download PDF"),
        ["Reception.Certificate.Payout"] = new("Maksa metallihyvitys", "Betala metallgottgörelse", "Pay the metal credit"),
        ["Reception.Certificate.Person"] = new("Henkilön tiedot", "Personens uppgifter", "Person's data"),
        ["Reception.Certificate.Next"] = new("Uusi romutus", "Ny skrotning", "New scrapping"),
        ["Reception.Certificate.Reveal"] = new("Näytä henkilötunnus", "Visa personbeteckningen", "Show the identity code"),
        ["Reception.Certificate.RevealNote"] = new(
            "Näyttäminen kirjataan tapahtumalokiin tarkoituksen kanssa.",
            "Visningen loggas i händelseloggen med ändamålet.",
            "Showing it is recorded in the audit log with the purpose."),
        ["Reception.Certificate.RevealDenied"] = new(
            "Sinulla ei ole oikeutta nähdä henkilötunnusta.",
            "Du har inte rätt att se personbeteckningen.",
            "You may not see the identity code."),
        ["Reception.Certificate.NotOnPdf"] = new(
            "Henkilötunnusta ei tulosteta todistukseen (tietosuojalaki 29 § 4 mom.).",
            "Personbeteckningen skrivs inte ut på intyget (dataskyddslagen 29 § 4 mom.).",
            "The identity code is not printed on the certificate (Data Protection Act § 29(4))."),

        ["Reception.Pdf.Title"] = new("Romutustodistus", "Skrotningsintyg", "Certificate of destruction"),
        ["Reception.Pdf.Basis"] = new(
            "Todistus romuajoneuvon vastaanotosta käsiteltäväksi (valtioneuvoston asetus romuajoneuvoista 123/2015; komission päätös 2002/151/EY).",
            "Intyg om mottagande av ett uttjänt fordon för behandling (statsrådets förordning om skrotfordon 123/2015; kommissionens beslut 2002/151/EG).",
            "Certificate that an end-of-life vehicle was received for treatment (Government Decree 123/2015; Commission Decision 2002/151/EC)."),
        ["Reception.Pdf.IssueDate"] = new("Antopäivä", "Datum för utfärdande", "Date of issue"),
        ["Reception.Pdf.Issuer"] = new("Todistuksen antaja", "Utfärdare", "Issued by"),
        ["Reception.Pdf.IssuerName"] = new("Käsittelylaitos", "Behandlingsanläggning", "Treatment facility"),
        ["Reception.Pdf.IssuerAddress"] = new("Osoite", "Adress", "Address"),
        ["Reception.Pdf.Permit"] = new("Luvan tai rekisteröinnin numero", "Tillståndets eller registreringens nummer", "Permit or registration number"),
        ["Reception.Pdf.PermitAuthority"] = new("Luvan myöntänyt viranomainen", "Tillståndsmyndighet", "Permitting authority"),
        ["Reception.Pdf.Vehicle"] = new("Ajoneuvo", "Fordon", "Vehicle"),
        ["Reception.Pdf.Registration"] = new("Kansallisuustunnus ja rekisterinumero", "Nationalitetsbeteckning och registreringsnummer", "Nationality mark and registration number"),
        ["Reception.Pdf.Holder"] = new("Ajoneuvon luovuttaja (haltija tai omistaja)", "Fordonets överlämnare (innehavare eller ägare)", "Holder or owner delivering the vehicle"),
        ["Reception.Pdf.HolderName"] = new("Nimi", "Namn", "Name"),
        ["Reception.Pdf.HolderAddress"] = new("Osoite", "Adress", "Address"),
        ["Reception.Pdf.StatementTitle"] = new("Vahvistus", "Bekräftelse", "Statement"),
        ["Reception.Pdf.Statement"] = new(
            "Edellä mainittu ajoneuvo on luovutettu käsiteltäväksi hyväksyttyyn käsittelylaitokseen. Ajoneuvo voidaan poistaa rekisteristä tämän todistuksen perusteella.",
            "Ovan nämnda fordon har överlämnats för behandling till en godkänd behandlingsanläggning. Fordonet kan avregistreras på grundval av detta intyg.",
            "The vehicle above has been delivered for treatment to an authorised treatment facility. It may be deregistered on the basis of this certificate."),
        ["Reception.Pdf.SignatureLine"] = new("Allekirjoitus ja nimenselvennys", "Underskrift och namnförtydligande", "Signature and printed name"),
        ["Reception.Pdf.Page"] = new("sivu {0} / {1}", "sida {0} / {1}", "page {0} / {1}"),
    };
}
