using System.Diagnostics.CodeAnalysis;
using CustomerRegister.Localization;
using PhoneNumbers;

namespace CustomerRegister.Finnish;

/// <summary>
/// A phone number validated by libphonenumber and stored in E.164 (<c>+358401234567</c>). Numbers without a
/// <c>+</c> or <c>00</c> prefix are read as Finnish.
/// </summary>
public sealed record PhoneNumber
{
    private const string DefaultRegion = "FI";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly LocalText UnknownCountry = new(
        "+-merkin jälkeistä maatunnusta ei tunneta.",
        "Landsnumret efter + är inte känt.",
        "The country code after + is not a known one.");

    private static readonly LocalText TooShort = new(
        "Puhelinnumero on liian lyhyt.", "Telefonnumret är för kort.", "The phone number is too short.");

    private static readonly LocalText TooLong = new(
        "Puhelinnumero on liian pitkä.", "Telefonnumret är för långt.", "The phone number is too long.");

    private static readonly LocalText NotAPhoneNumber = new(
        "Tämä ei näytä puhelinnumerolta.", "Det här ser inte ut som ett telefonnummer.", "This does not look like a phone number.");

    private static readonly LocalText Extension = new(
        "Alanumeroita ei tueta; kirjoita numero ilman alanumeroa.",
        "Anknytningsnummer stöds inte; skriv numret utan anknytning.",
        "Extensions are not supported; enter the number without one.");

    private static readonly LocalText TooShortFor = new(
        "Puhelinnumero on liian lyhyt tälle maatunnukselle.",
        "Telefonnumret är för kort för det här landsnumret.",
        "The phone number is too short for country code {0}.");

    private static readonly LocalText TooLongFor = new(
        "Puhelinnumero on liian pitkä tälle maatunnukselle.",
        "Telefonnumret är för långt för det här landsnumret.",
        "The phone number is too long for country code {0}.");

    private static readonly LocalText WrongLengthFor = new(
        "Puhelinnumerossa on väärä määrä numeroita tälle maatunnukselle.",
        "Telefonnumret har fel antal siffror för det här landsnumret.",
        "The phone number has the wrong number of digits for country code {0}.");

    private static readonly LocalText UnknownCountryCode = new(
        "Maatunnusta ei tunneta.",
        "Landsnumret är inte känt.",
        "{0} is not a known country code.");

    private static readonly LocalText InvalidFor = new(
        "Tämä ei ole kelvollinen puhelinnumero tälle maatunnukselle; kirjoita ulkomaiset numerot +-merkin ja maatunnuksen kanssa.",
        "Det här är inget giltigt telefonnummer för det här landsnumret; skriv utländska nummer med + och landsnumret.",
        "This is not a valid phone number for country code {0}; write foreign numbers with + and the country code.");

    private PhoneNumber(string value)
    {
        Value = value;
    }

    /// <summary>E.164, e.g. <c>+358401234567</c>.</summary>
    public string Value { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out PhoneNumber? phoneNumber,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        var value = "";
        error = IdentifierInput.Trim(input, out var trimmed) ?? Validate(trimmed, out value);
        if (error is not null)
        {
            phoneNumber = null;
            return false;
        }

        phoneNumber = new PhoneNumber(value);
        return true;
    }

    public static PhoneNumber Parse(string input) =>
        TryParse(input, out var phoneNumber, out var error) ? phoneNumber : throw new FormatException(error.Message);

    /// <summary>
    /// E.164 when the input could be a phone number at all (right length for its country), else null. Search uses it
    /// so that any way of typing a number finds the stored one; validity is not required there.
    /// </summary>
    public static string? NormalizeForSearch(string input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        try
        {
            var parsed = Util.Parse(input, DefaultRegion);
            return Util.IsPossibleNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>International format, e.g. <c>+358 40 1234567</c>.</summary>
    public string Formatted() => Util.Format(Util.Parse(Value, DefaultRegion), PhoneNumberFormat.INTERNATIONAL);

    /// <summary>
    /// How a Finnish reader writes the number: a Finnish one nationally with its subscriber part in groups
    /// (<c>040 123 4567</c>, <c>09 123 4567</c>), any other internationally.
    /// </summary>
    public string National()
    {
        var parsed = Util.Parse(Value, DefaultRegion);
        if (Util.GetRegionCodeForNumber(parsed) != DefaultRegion)
        {
            return Formatted();
        }

        var national = Util.Format(parsed, PhoneNumberFormat.NATIONAL);
        var space = national.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return national;
        }

        var subscriber = national[(space + 1)..].Replace(" ", "", StringComparison.Ordinal);
        var head = subscriber.Length switch
        {
            >= 7 => subscriber.Length - 4,
            6 => 3,
            5 => 2,
            _ => subscriber.Length,
        };
        var grouped = head == subscriber.Length ? subscriber : subscriber[..head] + " " + subscriber[head..];
        return national[..space] + " " + grouped;
    }

    public override string ToString() => Value;

    private static IdentifierError? Validate(string input, out string value)
    {
        value = "";
        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(input, DefaultRegion);
        }
        catch (NumberParseException e)
        {
            return e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => new(IdentifierErrorCode.Country, UnknownCountry),
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => new(IdentifierErrorCode.Length, TooShort),
                ErrorType.TOO_LONG => new(IdentifierErrorCode.Length, TooLong),
                _ => new(IdentifierErrorCode.Format, NotAPhoneNumber),
            };
        }

        // E.164 has no room for an extension; refusing it beats silently dropping it.
        if (parsed.HasExtension)
        {
            return new(IdentifierErrorCode.Format, Extension);
        }

        if (!Util.IsValidNumber(parsed))
        {
            var country = $"+{parsed.CountryCode}";
            return Util.IsPossibleNumberWithReason(parsed) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT => new(IdentifierErrorCode.Length, TooShortFor.Format(country)),
                PhoneNumberUtil.ValidationResult.TOO_LONG => new(IdentifierErrorCode.Length, TooLongFor.Format(country)),
                PhoneNumberUtil.ValidationResult.INVALID_LENGTH => new(IdentifierErrorCode.Length, WrongLengthFor.Format(country)),
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => new(IdentifierErrorCode.Country, UnknownCountryCode.Format(country)),
                _ => new(IdentifierErrorCode.Invalid, InvalidFor.Format(country)),
            };
        }

        value = Util.Format(parsed, PhoneNumberFormat.E164);
        return null;
    }
}
