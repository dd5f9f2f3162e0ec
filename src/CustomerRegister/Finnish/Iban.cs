using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CustomerRegister.Finnish;

/// <summary>
/// An IBAN (ISO 13616) from a SEPA country, stored compact and upper case. <see cref="ToString"/> returns the masked
/// form so that logging or printing the object never reveals the account; read <see cref="Value"/> deliberately.
/// </summary>
public sealed record Iban
{
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
                return new(IdentifierErrorCode.Format, $"An IBAN has only letters, digits and spaces; {c} is not allowed.");
            }
        }

        if (value.Length < 2 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            return new(IdentifierErrorCode.Format, "An IBAN starts with a two-letter country code.");
        }

        var country = value[..2];
        if (!SepaLengths.TryGetValue(country, out var length))
        {
            return new(IdentifierErrorCode.NotSepa, $"Country code {country} is not in the SEPA area; only SEPA IBANs are accepted.");
        }

        if (value.Length != length)
        {
            return new(IdentifierErrorCode.Length, $"An IBAN from {country} has {length} characters, got {value.Length}.");
        }

        if (!char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return new(IdentifierErrorCode.Format, "The two characters after the country code must be the check digits.");
        }

        if (country == "FI" && !IdentifierInput.AreAsciiDigits(value.AsSpan(4)))
        {
            return new(IdentifierErrorCode.Format, "A Finnish IBAN has only digits after the country code.");
        }

        if (Mod97(string.Concat(value.AsSpan(4), value.AsSpan(0, 4))) != 1)
        {
            return new(IdentifierErrorCode.Checksum, "The IBAN check digits do not match the account number; a character is probably mistyped.");
        }

        // The national check catches the rare typo that still passes mod 97.
        if (country == "FI" && value[^1] - '0' != LuhnCheckDigit(value.AsSpan(4, 13)))
        {
            return new(IdentifierErrorCode.Checksum, "The check digit of the Finnish account number (Luhn) does not match.");
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
