using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>
/// The supervisory authority a person may complain to (GDPR Art 12(4), Art 77; notice § 12): the one place for its name,
/// addresses, email, phone and web address in fi/sv/en. Every letter, the access report and the public form take it from here.
/// </summary>
public static class SupervisoryAuthority
{
    public const string Email = "tietosuoja@om.fi";

    public const string Web = "https://tietosuoja.fi";

    private static readonly LocalText Names = new("Tietosuojavaltuutetun toimisto", "Dataombudsmannens byrå", "Office of the Data Protection Ombudsman");

    private static readonly LocalText StreetAddresses = new(
        "Lintulahdenkuja 4, 00530 Helsinki", "Lintulahdenkuja 4, 00530 Helsingfors", "Lintulahdenkuja 4, 00530 Helsinki");

    private static readonly LocalText PostalAddresses = new("PL 800, 00531 Helsinki", "PB 800, 00531 Helsingfors", "PO Box 800, 00531 Helsinki");

    private static readonly LocalText Phones = new("029 566 6700", "029 566 6700", "+358 29 566 6700");

    private static readonly LocalText Switchboard = new("vaihde", "växel", "switchboard");

    private static readonly LocalText Complaint = new(
        "Sinulla on oikeus tehdä valitus valvontaviranomaiselle: {0}.",
        "Du har rätt att lämna in ett klagomål till tillsynsmyndigheten: {0}.",
        "You have the right to lodge a complaint with the supervisory authority: the {0}.");

    public static string Name(string language) => Names.In(language);

    public static string StreetAddress(string language) => StreetAddresses.In(language);

    public static string PostalAddress(string language) => PostalAddresses.In(language);

    public static string Phone(string language) => Phones.In(language);

    /// <summary>The right to complain, with the authority in full; the closing paragraph of every answer to a requester.</summary>
    public static string ComplaintRight(string language) =>
        string.Format(CultureInfo.InvariantCulture, Complaint.In(language), Details(language));

    /// <summary>The authority as the access report shows it.</summary>
    public static ReportAuthority ForReport(string language) =>
        new(Name(language), $"{StreetAddress(language)}; {PostalAddress(language)}", Email, Phone(language), Web);

    private static string Details(string language) =>
        $"{Name(language)}, {StreetAddress(language)}; {PostalAddress(language)}; {Email}; {Switchboard.In(language)} {Phone(language)}; {Web}";
}
