using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Restrictions;

/// <summary>
/// The answers to restriction (Art 18) and objection (Art 21) requests in fi/sv/en: what was done, never a value, and
/// the right to complain with the supervisory authority in full.
/// </summary>
public static class RestrictionLetters
{
    private static readonly LocalText ProfilingObjection = new(
        "Olemme kirjanneet profilointia koskevan vastustuksesi (EU:n tietosuoja-asetus 21 artikla). Tietojasi ei profiloida.",
        "Vi har registrerat din invändning mot profilering (EU:s dataskyddsförordning artikel 21). Dina uppgifter profileras inte.",
        "We have recorded your objection to profiling (GDPR Article 21). Your data is not profiled.");

    private static readonly LocalText MarketingObjection = new(
        "Olemme kirjanneet suoramarkkinointia koskevan vastustuksesi (EU:n tietosuoja-asetus 21 artikla). "
        + "Emme lähetä sinulle suoramarkkinointia missään kanavassa.",
        "Vi har registrerat din invändning mot direktmarknadsföring (EU:s dataskyddsförordning artikel 21). "
        + "Vi skickar dig ingen direktmarknadsföring i någon kanal.",
        "We have recorded your objection to direct marketing (GDPR Article 21). "
        + "We will send you no direct marketing through any channel.");

    private static readonly Dictionary<RestrictionGround, LocalText> Grounds = new()
    {
        [RestrictionGround.AccuracyContested] = new(
            "kiistät tietojen paikkansapitävyyden, sen ajan kun tarkistamme ne",
            "du bestrider uppgifternas riktighet, under den tid det tar att kontrollera dem",
            "you contest the accuracy of the data, for the time it takes to check it"),
        [RestrictionGround.UnlawfulProcessing] = new(
            "käsittely oli lainvastaista ja pyysit rajoittamista poistamisen sijaan",
            "behandlingen var olaglig och du begärde begränsning i stället för radering",
            "the processing was unlawful and you asked for restriction instead of erasure"),
        [RestrictionGround.NeededForLegalClaims] = new(
            "tarvitset tietoja oikeudellisen vaateen vuoksi", "du behöver uppgifterna för rättsliga anspråk", "you need the data for legal claims"),
        [RestrictionGround.ObjectionPending] = new(
            "vastustuksesi on käsiteltävänä", "din invändning prövas", "your objection is being considered"),
    };

    private static readonly LocalText KeptByLaw = new(
        "laki edellyttää tietojen säilyttämistä poistamisen jälkeen",
        "lagen kräver att uppgifterna bevaras efter radering",
        "the law requires the data to be kept after erasure");

    public static string Restricted(string language, RestrictionGround ground)
    {
        var g = Ground(ground, language);
        return new LocalText(
            $"Olemme rajoittaneet henkilötietojesi käsittelyä pyyntösi mukaisesti (EU:n tietosuoja-asetus 18 artikla). "
            + $"Peruste: {g}.\n\nTietosi säilytetään, mutta niitä ei muuten käsitellä. Ilmoitamme sinulle ennen kuin rajoitus poistetaan.",
            $"Vi har begränsat behandlingen av dina personuppgifter enligt din begäran (EU:s dataskyddsförordning artikel 18). "
            + $"Grund: {g}.\n\nUppgifterna lagras men används inte i övrigt. Vi meddelar dig innan begränsningen hävs.",
            $"We have restricted the processing of your personal data as you asked (GDPR Article 18). "
            + $"Ground: {g}.\n\nYour data is stored but not otherwise used. We will tell you before the restriction is lifted.")
            .In(language) + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";
    }

    public static string Objection(string language, RequestType type) =>
        (type == RequestType.ObjectionToProfiling ? ProfilingObjection : MarketingObjection).In(language)
        + $"\n\n{SupervisoryAuthority.ComplaintRight(language)}";

    public static string Ground(RestrictionGround ground, string language) => Grounds.GetValueOrDefault(ground, KeptByLaw).In(language);
}
