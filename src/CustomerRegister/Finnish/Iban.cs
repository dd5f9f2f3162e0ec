using System.Diagnostics.CodeAnalysis;
using System.Text;
using CustomerRegister.Localization;

namespace CustomerRegister.Finnish;

/// <summary>
/// An IBAN (ISO 13616) from a SEPA country, stored compact and upper case. <see cref="ToString"/> returns the masked
/// form so that logging or printing the object never reveals the account; read <see cref="Value"/> deliberately.
/// </summary>
public sealed record Iban
{
    private static readonly LocalText BadCharacter = new(
        "Tilinumerossa (IBAN) saa olla vain kirjaimia, numeroita ja välilyöntejä.",
        "Kontonumret (IBAN) får bara ha bokstäver, siffror och mellanslag.",
        "An IBAN has only letters, digits and spaces; {0} is not allowed.");

    private static readonly LocalText NoCountryCode = new(
        "Tilinumero (IBAN) alkaa kaksikirjaimisella maatunnuksella, esimerkiksi FI.",
        "Kontonumret (IBAN) börjar med en landskod på två bokstäver, till exempel FI.",
        "An IBAN starts with a two-letter country code.");

    private static readonly LocalText NotSepa = new(
        "Maatunnus ei kuulu SEPA-alueeseen; vain SEPA-maiden tilinumerot hyväksytään.",
        "Landskoden hör inte till SEPA-området; endast kontonummer från SEPA-länder godtas.",
        "Country code {0} is not in the SEPA area; only SEPA IBANs are accepted.");

    private static readonly LocalText WrongLength = new(
        "Tämän maan tilinumerossa (IBAN) on {1} merkkiä; nyt merkkejä on {2}.",
        "Kontonumret (IBAN) från det här landet har {1} tecken; nu är det {2} tecken.",
        "An IBAN from {0} has {1} characters, got {2}.");

    private static readonly LocalText CheckDigitsFormat = new(
        "Maatunnuksen jälkeisten kahden merkin on oltava tarkistusnumerot.",
        "De två tecknen efter landskoden ska vara kontrollsiffrorna.",
        "The two characters after the country code must be the check digits.");

    private static readonly LocalText FinnishDigits = new(
        "Suomalaisessa tilinumerossa (IBAN) on maatunnuksen jälkeen vain numeroita.",
        "Ett finländskt kontonummer (IBAN) har endast siffror efter landskoden.",
        "A Finnish IBAN has only digits after the country code.");

    private static readonly LocalText WrongCheckDigits = new(
        "Tilinumeron (IBAN) tarkistusnumerot eivät täsmää; jokin merkki on luultavasti kirjoitettu väärin.",
        "Kontonumrets (IBAN) kontrollsiffror stämmer inte; något tecken är troligen felskrivet.",
        "The IBAN check digits do not match the account number; a character is probably mistyped.");

    private static readonly LocalText WrongLuhn = new(
        "Suomalaisen tilinumeron viimeinen tarkistusnumero ei täsmää; jokin numero on luultavasti kirjoitettu väärin.",
        "Den sista kontrollsiffran i det finländska kontonumret stämmer inte; någon siffra är troligen felskriven.",
        "The check digit of the Finnish account number (Luhn) does not match.");

    /// <summary>IBAN length of every SEPA country: the EU, the rest of the EEA, and the other SEPA members.</summary>
    private static readonly Dictionary<string, int> SepaLengths = new()
    {
        // EU
        ["AT"] = 20,
        ["BE"] = 16,
        ["BG"] = 22,
        ["CY"] = 28,
        ["CZ"] = 24,
        ["DE"] = 22,
        ["DK"] = 18,
        ["EE"] = 20,
        ["ES"] = 24,
        ["FI"] = 18,
        ["FR"] = 27,
        ["GR"] = 27,
        ["HR"] = 21,
        ["HU"] = 28,
        ["IE"] = 22,
        ["IT"] = 27,
        ["LT"] = 20,
        ["LU"] = 20,
        ["LV"] = 21,
        ["MT"] = 31,
        ["NL"] = 18,
        ["PL"] = 28,
        ["PT"] = 25,
        ["RO"] = 24,
        ["SE"] = 24,
        ["SI"] = 19,
        ["SK"] = 24,

        // The rest of the EEA
        ["IS"] = 26,
        ["LI"] = 21,
        ["NO"] = 15,

        // The other SEPA members
        ["AD"] = 24,
        ["CH"] = 21,
        ["GB"] = 22,
        ["MC"] = 27,
        ["SM"] = 27,
        ["VA"] = 22,
    };

    private Iban(string value)
    {
        Value = value;
    }

    /// <summary>The compact IBAN, e.g. <c>FI2112345600000785</c>. Personal data: do not log or print it.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    public static IReadOnlyCollection<string> SepaCountryCodes => SepaLengths.Keys;

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out Iban? iban,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        error = IdentifierInput.Trim(input, out var trimmed);
        var value = Compact(trimmed);
        error ??= Validate(value);
        if (error is not null)
        {
            iban = null;
            return false;
        }

        iban = new Iban(value);
        return true;
    }

    public static Iban Parse(string input) =>
        TryParse(input, out var iban, out var error) ? iban : throw new FormatException(error.Message);

    /// <summary>
    /// Builds a valid Finnish IBAN from the first 13 digits of the account number, computing the national Luhn digit
    /// and the IBAN check digits. For synthetic test or demo data.
    /// </summary>
    public static Iban CreateFinnish(string thirteenDigits)
    {
        ArgumentNullException.ThrowIfNull(thirteenDigits);
        if (thirteenDigits.Length != 13 || !IdentifierInput.AreAsciiDigits(thirteenDigits))
        {
            throw new ArgumentException("Expected exactly 13 digits.", nameof(thirteenDigits));
        }

        var bban = thirteenDigits + (char)('0' + LuhnCheckDigit(thirteenDigits));
        var check = 98 - Mod97(bban + "FI00");
        return Parse($"FI{check:D2}{bban}");
    }

    /// <summary>Groups of four, as printed on invoices: <c>FI21 1234 5600 0007 85</c>.</summary>
    public string Formatted() => GroupByFour(Value);

    /// <summary>Country and check digits and the last four characters, the rest starred: <c>FI21 **** **** **07 85</c>.</summary>
    public string Masked() => GroupByFour(string.Concat(Value.AsSpan(0, 4), new string('*', Value.Length - 8), Value.AsSpan(Value.Length - 4)));

    public override string ToString() => Masked();

    private static string Compact(string input)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static IdentifierError? Validate(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return new(IdentifierErrorCode.Format, BadCharacter.Format(c));
            }
        }

        if (value.Length < 2 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            return new(IdentifierErrorCode.Format, NoCountryCode);
        }

        var country = value[..2];
        if (!SepaLengths.TryGetValue(country, out var length))
        {
            return new(IdentifierErrorCode.NotSepa, NotSepa.Format(country));
        }

        if (value.Length != length)
        {
            return new(IdentifierErrorCode.Length, WrongLength.Format(country, length, value.Length));
        }

        if (!char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return new(IdentifierErrorCode.Format, CheckDigitsFormat);
        }

        if (country == "FI" && !IdentifierInput.AreAsciiDigits(value.AsSpan(4)))
        {
            return new(IdentifierErrorCode.Format, FinnishDigits);
        }

        if (Mod97(string.Concat(value.AsSpan(4), value.AsSpan(0, 4))) != 1)
        {
            return new(IdentifierErrorCode.Checksum, WrongCheckDigits);
        }

        // The national check catches the rare typo that still passes mod 97.
        if (country == "FI" && value[^1] - '0' != LuhnCheckDigit(value.AsSpan(4, 13)))
        {
            return new(IdentifierErrorCode.Checksum, WrongLuhn);
        }

        return null;
    }

    /// <summary>ISO 7064 mod 97-10 with letters read as 10–35, computed digit by digit to avoid big integers.</summary>
    private static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    private static int LuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Weight 2 falls on the rightmost digit, then alternates leftwards.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string GroupByFour(string value)
    {
        var builder = new StringBuilder(value.Length + (value.Length / 4));
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}
