using System.Diagnostics.CodeAnalysis;
using CustomerRegister.Localization;

namespace CustomerRegister.Finnish;

/// <summary>
/// A Finnish business ID (Y-tunnus), <c>NNNNNNN-C</c>. Business IDs are public, so <see cref="ToString"/> shows the
/// whole value.
/// </summary>
public sealed record BusinessId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2];

    private static readonly LocalText WrongLength = new(
        "Y-tunnuksessa on 9 merkkiä (NNNNNNN-C); nyt merkkejä on {0}.",
        "FO-numret har 9 tecken (NNNNNNN-C); nu är det {0} tecken.",
        "Expected 9 characters (NNNNNNN-C), got {0}.");

    private static readonly LocalText WrongFormat = new(
        "Y-tunnus on seitsemän numeroa, väliviiva ja tarkistusnumero (NNNNNNN-C).",
        "FO-numret består av sju siffror, ett bindestreck och en kontrollsiffra (NNNNNNN-C).",
        "A business ID is seven digits, a hyphen and a check digit (NNNNNNN-C).");

    private static readonly LocalText NoCheckDigit = new(
        "Näille seitsemälle numerolle ei voi laskea tarkistusnumeroa, joten tämä ei ole Y-tunnus; jokin numero on luultavasti kirjoitettu väärin.",
        "För de här sju siffrorna finns ingen kontrollsiffra, så det här är inget FO-nummer; någon siffra är troligen felskriven.",
        "No check digit is possible for these seven digits, so this is not a business ID.");

    private static readonly LocalText WrongCheckDigit = new(
        "Tarkistusnumero ei täsmää; jokin numero on luultavasti kirjoitettu väärin.",
        "Kontrollsiffran stämmer inte; någon siffra är troligen felskriven.",
        "The check digit should be {0}, not {1}.");

    private BusinessId(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out BusinessId? businessId,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        error = IdentifierInput.Trim(input, out var value) ?? Validate(value);
        if (error is not null)
        {
            businessId = null;
            return false;
        }

        businessId = new BusinessId(value);
        return true;
    }

    public static BusinessId Parse(string input) =>
        TryParse(input, out var businessId, out var error) ? businessId : throw new FormatException(error.Message);

    /// <summary>
    /// Builds a business ID from seven digits (0–9 999 999) for synthetic data. Returns false for the roughly one in
    /// eleven numbers for which no check digit exists.
    /// </summary>
    public static bool TryCreate(int sevenDigits, [NotNullWhen(true)] out BusinessId? businessId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sevenDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sevenDigits, 9_999_999);

        var digits = sevenDigits.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        if (CheckDigit(digits) is not { } check)
        {
            businessId = null;
            return false;
        }

        businessId = Parse($"{digits}-{check}");
        return true;
    }

    public override string ToString() => Value;

    private static IdentifierError? Validate(string value)
    {
        if (value.Length != 9)
        {
            return new(IdentifierErrorCode.Length, WrongLength.Format(value.Length));
        }

        if (!IdentifierInput.AreAsciiDigits(value.AsSpan(0, 7)) || value[7] != '-' || !char.IsAsciiDigit(value[8]))
        {
            return new(IdentifierErrorCode.Format, WrongFormat);
        }

        if (CheckDigit(value.AsSpan(0, 7)) is not { } expected)
        {
            return new(IdentifierErrorCode.Checksum, NoCheckDigit);
        }

        return value[8] == expected
            ? null
            : new(IdentifierErrorCode.CheckCharacter, WrongCheckDigit.Format(expected, value[8]));
    }

    /// <summary>The check digit, or null when the weighted sum leaves remainder 1, which no valid ID can have.</summary>
    private static char? CheckDigit(ReadOnlySpan<char> sevenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (sevenDigits[i] - '0') * Weights[i];
        }

        return (sum % 11) switch
        {
            0 => '0',
            1 => null,
            var r => (char)('0' + (11 - r)),
        };
    }
}
