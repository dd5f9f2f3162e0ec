namespace CustomerRegister.Requests;

/// <summary>
/// The supervisory authority a person may complain to (GDPR Art 12(4), Art 77; notice § 12): the one place for its name,
/// addresses, email, phone and web address in fi/sv/en. Every letter and the access report take it from here.
/// </summary>
public static class SupervisoryAuthority
{
    public const string Email = "tietosuoja@om.fi";

    public const string Web = "https://tietosuoja.fi";

    public static string Name(string language) => language switch
    {
        "sv" => "Dataombudsmannens byrå",
        "en" => "Office of the Data Protection Ombudsman",
        _ => "Tietosuojavaltuutetun toimisto",
    };

    public static string StreetAddress(string language) =>
        language == "sv" ? "Lintulahdenkuja 4, 00530 Helsingfors" : "Lintulahdenkuja 4, 00530 Helsinki";

    public static string PostalAddress(string language) => language switch
    {
        "sv" => "PB 800, 00531 Helsingfors",
        "en" => "PO Box 800, 00531 Helsinki",
        _ => "PL 800, 00531 Helsinki",
    };

    public static string Phone(string language) => language == "en" ? "+358 29 566 6700" : "029 566 6700";

    /// <summary>The right to complain, with the authority in full; the closing paragraph of every answer to a requester.</summary>
    public static string ComplaintRight(string language) => language switch
    {
        "sv" => $"Du har rätt att lämna in ett klagomål till tillsynsmyndigheten: {Details(language, "växel")}.",
        "en" => $"You have the right to lodge a complaint with the supervisory authority: the {Details(language, "switchboard")}.",
        _ => $"Sinulla on oikeus tehdä valitus valvontaviranomaiselle: {Details(language, "vaihde")}.",
    };

    /// <summary>The authority as the access report shows it.</summary>
    public static ReportAuthority ForReport(string language) =>
        new(Name(language), $"{StreetAddress(language)}; {PostalAddress(language)}", Email, Phone(language), Web);

    private static string Details(string language, string switchboard) =>
        $"{Name(language)}, {StreetAddress(language)}; {PostalAddress(language)}; {Email}; {switchboard} {Phone(language)}; {Web}";
}
