using CustomerRegister.Requests;

namespace CustomerRegister.Restrictions;

/// <summary>
/// The answers to restriction (Art 18) and objection (Art 21) requests in fi/sv/en: what was done, never a value, and
/// the right to complain with the supervisory authority in full.
/// </summary>
public static class RestrictionLetters
{
    public static string Restricted(string language, RestrictionGround ground) =>
        language switch
        {
            "sv" => $"Vi har begränsat behandlingen av dina personuppgifter enligt din begäran (EU:s dataskyddsförordning artikel 18). "
                    + $"Grund: {Ground(ground, language)}.\n\nUppgifterna lagras men används inte i övrigt. Vi meddelar dig innan begränsningen hävs.",
            "en" => $"We have restricted the processing of your personal data as you asked (GDPR Article 18). "
                    + $"Ground: {Ground(ground, language)}.\n\nYour data is stored but not otherwise used. We will tell you before the restriction is lifted.",
            _ => $"Olemme rajoittaneet henkilötietojesi käsittelyä pyyntösi mukaisesti (EU:n tietosuoja-asetus 18 artikla). "
                 + $"Peruste: {Ground(ground, language)}.\n\nTietosi säilytetään, mutta niitä ei muuten käsitellä. Ilmoitamme sinulle ennen kuin rajoitus poistetaan.",
        } + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";

    public static string Objection(string language, RequestType type) =>
        (type, language) switch
        {
            (RequestType.ObjectionToProfiling, "sv") =>
                "Vi har registrerat din invändning mot profilering (EU:s dataskyddsförordning artikel 21). Dina uppgifter profileras inte.",
            (RequestType.ObjectionToProfiling, "en") =>
                "We have recorded your objection to profiling (GDPR Article 21). Your data is not profiled.",
            (RequestType.ObjectionToProfiling, _) =>
                "Olemme kirjanneet profilointia koskevan vastustuksesi (EU:n tietosuoja-asetus 21 artikla). Tietojasi ei profiloida.",
            (_, "sv") => "Vi har registrerat din invändning mot direktmarknadsföring (EU:s dataskyddsförordning artikel 21). "
                         + "Vi skickar dig ingen direktmarknadsföring i någon kanal.",
            (_, "en") => "We have recorded your objection to direct marketing (GDPR Article 21). "
                         + "We will send you no direct marketing through any channel.",
            _ => "Olemme kirjanneet suoramarkkinointia koskevan vastustuksesi (EU:n tietosuoja-asetus 21 artikla). "
                 + "Emme lähetä sinulle suoramarkkinointia missään kanavassa.",
        } + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";

    public static string Ground(RestrictionGround ground, string language) => (ground, language) switch
    {
        (RestrictionGround.AccuracyContested, "sv") => "du bestrider uppgifternas riktighet, under den tid det tar att kontrollera dem",
        (RestrictionGround.AccuracyContested, "en") => "you contest the accuracy of the data, for the time it takes to check it",
        (RestrictionGround.AccuracyContested, _) => "kiistät tietojen paikkansapitävyyden, sen ajan kun tarkistamme ne",
        (RestrictionGround.UnlawfulProcessing, "sv") => "behandlingen var olaglig och du begärde begränsning i stället för radering",
        (RestrictionGround.UnlawfulProcessing, "en") => "the processing was unlawful and you asked for restriction instead of erasure",
        (RestrictionGround.UnlawfulProcessing, _) => "käsittely oli lainvastaista ja pyysit rajoittamista poistamisen sijaan",
        (RestrictionGround.NeededForLegalClaims, "sv") => "du behöver uppgifterna för rättsliga anspråk",
        (RestrictionGround.NeededForLegalClaims, "en") => "you need the data for legal claims",
        (RestrictionGround.NeededForLegalClaims, _) => "tarvitset tietoja oikeudellisen vaateen vuoksi",
        (RestrictionGround.ObjectionPending, "sv") => "din invändning prövas",
        (RestrictionGround.ObjectionPending, "en") => "your objection is being considered",
        (RestrictionGround.ObjectionPending, _) => "vastustuksesi on käsiteltävänä",
        (_, "sv") => "lagen kräver att uppgifterna bevaras efter radering",
        (_, "en") => "the law requires the data to be kept after erasure",
        _ => "laki edellyttää tietojen säilyttämistä poistamisen jälkeen",
    };
}
