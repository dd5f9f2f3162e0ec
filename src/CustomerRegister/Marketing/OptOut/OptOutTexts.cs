using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.OptOut;

/// <summary>The public opt-out page's texts.</summary>
[TextTable]
public static class OptOutTexts
{
    public static readonly IReadOnlyDictionary<string, LocalText> Texts = new Dictionary<string, LocalText>(StringComparer.Ordinal)
    {
        ["OptOut.Marketing.Title"] = new("Markkinoinnin kieltäminen", "Förbjud marknadsföring", "Refuse marketing"),
        ["OptOut.Marketing.Intro"] = new(
            "Voit kieltää meitä lähettämästä sinulle markkinointia. Kielto koskee tätä:",
            "Du kan förbjuda oss att skicka marknadsföring till dig. Förbudet gäller detta:",
            "You can refuse the marketing we send you. The refusal covers this:"),
        ["OptOut.Marketing.Channel"] = new("Kanava", "Kanal", "Channel"),
        ["OptOut.Marketing.Purpose"] = new("Markkinoinnin tarkoitus", "Marknadsföringens ändamål", "Purpose of the marketing"),
        ["OptOut.Marketing.Button"] = new("Kiellä markkinointi", "Förbjud marknadsföring", "Refuse this marketing"),
        ["OptOut.Marketing.Recorded"] = new(
            "Kielto on kirjattu. Emme enää lähetä sinulle tätä markkinointia.",
            "Förbudet har registrerats. Vi skickar inte längre den här marknadsföringen till dig.",
            "Your refusal is recorded. We will no longer send you this marketing."),
        ["OptOut.Marketing.Already"] = new(
            "Kielto oli jo voimassa, joten mitään ei tarvinnut muuttaa.",
            "Förbudet gällde redan, så inget behövde ändras.",
            "Your refusal was already in force, so nothing needed to change."),
        ["OptOut.Profiling.Title"] = new("Profiloinnin lopettaminen", "Stoppa profileringen", "Stop profiling me"),
        ["OptOut.Profiling.Intro"] = new(
            "Päättelemme asiakastiedoistasi, millainen asiakas olet ja mistä palveluistamme voisit olla kiinnostunut, jotta "
            + "markkinointimme osuisi kohdalleen (profilointi). Sinulla on oikeus vastustaa sitä (EU:n tietosuoja-asetuksen 21 artikla).",
            "Vi drar slutsatser av dina kunduppgifter om vilken slags kund du är och vilka av våra tjänster som kan intressera dig, "
            + "för att rikta vår marknadsföring (profilering). Du har rätt att invända mot det (artikel 21 i EU:s dataskyddsförordning).",
            "We infer from your customer data what kind of customer you are and which of our services may interest you, to target "
            + "our marketing (profiling). You have the right to object to it (Article 21 of the EU General Data Protection Regulation)."),
        ["OptOut.Profiling.Button"] = new("Lopeta profilointi", "Stoppa profileringen", "Stop profiling me"),
        ["OptOut.Profiling.Recorded"] = new(
            "Vastustuksesi on kirjattu. Sinua ei enää profiloida, ja aiemmat tulokset on poistettu.",
            "Din invändning har registrerats. Du profileras inte längre, och de tidigare resultaten har raderats.",
            "Your objection is recorded. You are no longer profiled, and the earlier results have been deleted."),
        ["OptOut.Profiling.Already"] = new(
            "Vastustuksesi oli jo voimassa, joten mitään ei tarvinnut muuttaa.",
            "Din invändning gällde redan, så inget behövde ändras.",
            "Your objection was already in force, so nothing needed to change."),
        ["OptOut.AtOnce"] = new(
            "Muutos tulee voimaan heti, kun painat painiketta. Pelkkä linkin avaaminen ei muuta mitään.",
            "Ändringen gäller genast när du trycker på knappen. Att bara öppna länken ändrar ingenting.",
            "The change applies as soon as you press the button. Only opening the link changes nothing."),
        ["OptOut.Invalid.Title"] = new("Linkki ei toimi", "Länken fungerar inte", "This link does not work"),
        ["OptOut.Invalid.Text"] = new(
            "Linkki on vanhentunut tai virheellinen. Voit silti kieltää markkinoinnin tai vastustaa profilointia milloin tahansa "
            + "maksutta ottamalla meihin yhteyttä:",
            "Länken har gått ut eller är felaktig. Du kan ändå när som helst och kostnadsfritt förbjuda marknadsföring eller "
            + "invända mot profilering genom att kontakta oss:",
            "The link has expired or is not valid. You can still refuse marketing or object to profiling at any time, free of "
            + "charge, by contacting us:"),
        ["OptOut.Contact.Title"] = new("Muut tavat kieltää", "Andra sätt att förbjuda", "Other ways to refuse"),
        ["OptOut.Contact.Other"] = new(
            "Voit kieltää markkinoinnin myös muissa kanavissa tai vastustaa profilointia ottamalla meihin yhteyttä:",
            "Du kan också förbjuda marknadsföring i andra kanaler eller invända mot profilering genom att kontakta oss:",
            "You can also refuse marketing on other channels or object to profiling by contacting us:"),
        ["OptOut.Contact.Email"] = new("Sähköposti", "E-post", "Email"),
        ["OptOut.Contact.Address"] = new("Postiosoite", "Postadress", "Postal address"),
        ["OptOut.Contact.Form"] = new("Tietosuojapyyntölomake", "Formulär för dataskyddsbegäran", "Data protection request form"),
        ["OptOut.Contact.Notice"] = new("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"),
        ["OptOut.Limited"] = new(
            "Liian monta painallusta lyhyessä ajassa. Yritä hetken kuluttua uudelleen.",
            "För många tryckningar på kort tid. Försök igen om en stund.",
            "Too many presses in a short time. Please try again in a moment."),
    };
}
