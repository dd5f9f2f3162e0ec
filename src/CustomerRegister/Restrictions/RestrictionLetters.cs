using CustomerRegister.Localization;
using CustomerRegister.Requests;

namespace CustomerRegister.Restrictions;

/// <summary>
/// The answers to restriction (Art 18) and objection (Art 21) requests in fi/sv/en, in the voice of every letter
/// (<see cref="RequestLetters.Compose"/>): what was done and what is kept, never a value, whom to contact, the right to
/// complain with the supervisory authority in full, the signature.
/// </summary>
public static class RestrictionLetters
{
    private static readonly LocalText ProfilingObjection = new(
        "Olemme kirjanneet, että vastustat profilointia. Emme profiloi tietojasi.",
        "Vi har registrerat att du invänder mot profilering. Vi profilerar inte dina uppgifter.",
        "We have recorded that you object to profiling. We do not profile your data.");

    private static readonly LocalText MarketingObjection = new(
        "Olemme kirjanneet, että kiellät suoramarkkinoinnin. Emme lähetä sinulle markkinointia sähköpostilla, tekstiviestillä, "
        + "puhelimella emmekä postitse. Säilytämme kiellon, jotta se pysyy voimassa.",
        "Vi har registrerat att du förbjuder direktmarknadsföring. Vi skickar dig ingen marknadsföring per e-post, sms, "
        + "telefon eller post. Vi sparar förbudet så att det fortsätter att gälla.",
        "We have recorded that you refuse direct marketing. We will send you no marketing by email, text message, phone "
        + "or post. We keep the refusal so that it stays in force.");

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

    public static string Restricted(string language, RestrictionGround ground, string? name = null, ReportController? from = null)
    {
        var g = Ground(ground, language);
        return RequestLetters.Compose(language, name, from, new LocalText(
            $"Olemme rajoittaneet henkilötietojesi käsittelyä pyyntösi mukaisesti, koska {g}.",
            $"Vi har begränsat behandlingen av dina personuppgifter enligt din begäran, eftersom {g}.",
            $"We have restricted the processing of your personal data as you asked, because {g}.").In(language),
            new LocalText(
                "Säilytämme tietosi, mutta emme käytä niitä muuhun ilman suostumustasi, ellei laki sitä edellytä. Kerromme sinulle ennen kuin rajoitus päättyy.",
                "Vi sparar dina uppgifter men använder dem inte till något annat utan ditt samtycke, om inte lagen kräver det. Vi meddelar dig innan begränsningen upphör.",
                "We keep your data but do not use it for anything else without your consent, unless the law requires it. We will tell you before the restriction ends.")
                .In(language));
    }

    /// <summary>
    /// The letter before a restriction or a profiling objection is lifted (Art 18(3)): what was set and when, the day it ends
    /// and the reason, what follows, whom to contact and the right to complain.
    /// </summary>
    public static string Lifted(string language, LimitKind kind, DateOnly set, DateOnly lifted, string reason, string? name = null,
        ReportController? from = null)
    {
        var s = Display.Date(set);
        var l = Display.Date(lifted);
        var what = kind == LimitKind.ProfilingObjection
            ? new LocalText(
                $"Kirjasimme {s}, että vastustat profilointia, emmekä ole profiloineet tietojasi sen jälkeen. Kirjaus päättyy {l}.",
                $"Vi registrerade den {s} att du invänder mot profilering, och vi har inte profilerat dina uppgifter sedan dess. Registreringen upphör den {l}.",
                $"On {s} we recorded that you object to profiling, and we have not profiled your data since. The record ends on {l}.")
            : new LocalText(
                $"Rajoitimme henkilötietojesi käsittelyä {s} pyyntösi mukaisesti. Rajoitus päättyy {l}.",
                $"Vi begränsade behandlingen av dina personuppgifter den {s} enligt din begäran. Begränsningen upphör den {l}.",
                $"On {s} we restricted the processing of your personal data as you asked. The restriction ends on {l}.");
        return RequestLetters.Compose(language, name, from, what.In(language),
            new LocalText($"Syy: {reason}", $"Skäl: {reason}", $"Reason: {reason}").In(language),
            new LocalText(
                "Sen jälkeen käsittelemme tietojasi taas niihin tarkoituksiin, joista kerromme tietosuojaselosteessamme. "
                + "Jos olet eri mieltä, ota meihin yhteyttä; voit myös pyytää rajoitusta uudelleen.",
                "Därefter behandlar vi åter dina uppgifter för de ändamål som vi beskriver i vår dataskyddsbeskrivning. "
                + "Om du inte håller med, kontakta oss; du kan också begära begränsning på nytt.",
                "After that we again process your data for the purposes described in our privacy notice. "
                + "If you disagree, please contact us; you can also ask for a restriction again.").In(language));
    }

    public static string Objection(string language, RequestType type, string? name = null, ReportController? from = null) =>
        RequestLetters.Compose(language, name, from, (type == RequestType.ObjectionToProfiling ? ProfilingObjection : MarketingObjection).In(language));

    public static string Ground(RestrictionGround ground, string language) => Grounds.GetValueOrDefault(ground, KeptByLaw).In(language);
}
