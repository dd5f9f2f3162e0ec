using CustomerRegister.Localization;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// The refusal messages many use cases share, each stated once in Finnish, Swedish and English. The API answers the
/// English one (<see cref="FieldErrors.ToDictionary()"/>); a page shows the one in its language. A message of one
/// use case only is kept beside that use case, as a <c>static readonly LocalText</c> too.
/// </summary>
public static class FieldMessages
{
    public static readonly LocalText Required = new("Pakollinen tieto.", "Obligatorisk uppgift.", "Required.");

    private static readonly LocalText AtMostCharacters = new("Enintään {0} merkkiä.", "Högst {0} tecken.", "At most {0} characters.");

    private static readonly LocalText AtLeastCharacters = new("Vähintään {0} merkkiä.", "Minst {0} tecken.", "At least {0} characters.");

    private static readonly LocalText RequiredOneOfText = new(
        "Pakollinen tieto: jokin näistä: {0}.", "Obligatorisk uppgift: ett av följande: {0}.", "Required: one of {0}.");

    private static readonly LocalText OneOfText = new("Jokin näistä: {0}.", "Ett av följande: {0}.", "One of {0}.");

    private static readonly LocalText BetweenText = new("Väliltä {0}–{1}.", "Mellan {0} och {1}.", "Between {0} and {1}.");

    public static readonly LocalText RequiredVersion = new(
        "Pakollinen tieto: lukemasi version numero.", "Obligatorisk uppgift: versionen du läste.", "Required: the version you read.");

    public static readonly LocalText DocumentNumberCharacters = new(
        "Vain kirjaimet A–Z, numerot ja merkit - / . ovat sallittuja.",
        "Endast bokstäverna A–Z, siffror och tecknen - / . är tillåtna.",
        "Only letters A–Z, digits and - / . are allowed.");

    public static readonly LocalText NotInFuture = new("Ei voi olla tulevaisuudessa.", "Kan inte ligga i framtiden.", "Cannot be in the future.");

    public static readonly LocalText MustNotBeInFuture = new(
        "Ei saa olla tulevaisuudessa.", "Får inte ligga i framtiden.", "Must not be in the future.");

    /// <summary>A list's <c>after</c> cursor that names no row of that list.</summary>
    public static readonly LocalText UnknownCursor = new(
        "Ei tämän luettelon rivi: aloita luettelo alusta.",
        "Ingen rad i den här listan: börja listan från början.",
        "Not a row of this list: start the list from the beginning.");

    public static readonly LocalText NoSuchSubject = new("Henkilöä ei löydy.", "Personen finns inte.", "No such subject.");

    public static readonly LocalText NoSuchConsumer = new("Kuluttaja-asiakasta ei löydy.", "Konsumentkunden finns inte.", "No such consumer.");

    public static readonly LocalText NoSuchUser = new("Käyttäjää ei löydy.", "Användaren finns inte.", "No such user.");

    public static readonly LocalText OneOfLanguages = new("Jokin näistä: fi, sv, en.", "Ett av följande: fi, sv, en.", "One of fi, sv, en.");

    public static readonly LocalText ConsumerOrOrganisation = new(
        "Anna joko kuluttaja-asiakas (consumerId) tai organisaatio (organisationId), ei molempia.",
        "Ange antingen konsumentkund (consumerId) eller organisation (organisationId), inte båda.",
        "Give exactly one of consumerId and organisationId.");

    public static readonly LocalText OnlyBankAccountRevealed = new(
        "Tässä voi näyttää vain tilinumeron (bankAccount).",
        "Här kan endast kontonumret (bankAccount) visas.",
        "Only bankAccount can be revealed here.");

    public static readonly LocalText RequiredUnit = new(
        "Pakollinen tieto: tuotantoyksikön tunniste.", "Obligatorisk uppgift: produktionsenhetens id.", "Required: the production unit's id.");

    /// <summary>"At most 200 characters."</summary>
    public static LocalText TooLong(int maxLength) => AtMostCharacters.Format(maxLength);

    /// <summary>"At least 2 characters."</summary>
    public static LocalText TooShort(int minLength) => AtLeastCharacters.Format(minLength);

    /// <summary>"Required: one of A, B, C." — a missing or unknown value of a fixed list.</summary>
    public static LocalText RequiredOneOf(IEnumerable<string> values) => RequiredOneOfText.Format(string.Join(", ", values));

    /// <summary>"Required: one of" the names of <typeparamref name="T"/>.</summary>
    public static LocalText RequiredOneOf<T>()
        where T : struct, Enum => RequiredOneOf(Enum.GetNames<T>());

    /// <summary>"One of A, B, C."</summary>
    public static LocalText OneOf(IEnumerable<string> values) => OneOfText.Format(string.Join(", ", values));

    /// <summary>"Between 1 and 200."</summary>
    public static LocalText Between(int min, int max) => BetweenText.Format(min, max);
}
