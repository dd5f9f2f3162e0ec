using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerRegister.Finnish;

/// <summary>
/// A Finnish personal identity code (henkilötunnus), <c>DDMMYYCNNNQ</c>. <see cref="ToString"/> returns the masked
/// form so that logging or printing the object never reveals the code; read <see cref="Value"/> deliberately.
/// </summary>
public sealed record PersonalIdentityCode
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private PersonalIdentityCode(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The whole code, normalized to upper case. Personal data: do not log or print it.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out PersonalIdentityCode? code,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        var birthDate = default(DateOnly);
        error = IdentifierInput.Trim(input, out var trimmed);
        var value = trimmed.ToUpperInvariant();
        error ??= Validate(value, out birthDate);
        if (error is not null)
        {
            code = null;
            return false;
        }

        code = new PersonalIdentityCode(value, birthDate);
        return true;
    }

    public static PersonalIdentityCode Parse(string input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException(error.Message);

    /// <summary>
    /// Builds a valid code for synthetic test or demo data. The default century sign is <c>+</c> for the 1800s,
    /// <c>-</c> for the 1900s and <c>A</c> for the 2000s.
    /// </summary>
    public static PersonalIdentityCode Create(DateOnly birthDate, int individualNumber, char? centurySign = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(individualNumber, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(individualNumber, 899);

        var sign = centurySign ?? (birthDate.Year / 100) switch
        {
            18 => '+',
            19 => '-',
            20 => 'A',
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "The birth year must be 1800–2099."),
        };
        if (CenturyOf(sign) != birthDate.Year / 100 * 100)
        {
            throw new ArgumentException($"Century sign {sign} does not fit the birth year {birthDate.Year}.", nameof(centurySign));
        }

        var datePart = birthDate.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var number = individualNumber.ToString("D3", CultureInfo.InvariantCulture);
        return Parse($"{datePart}{sign}{number}{CheckCharacter(datePart, number)}");
    }

    /// <summary>
    /// Birth date and century sign only: <c>131052-****</c>. The check character stays hidden too: with the birth date
    /// it narrows the code to a few dozen candidates (one individual number in 31 fits it).
    /// </summary>
    public string Masked() => $"{Value[..7]}****";

    public override string ToString() => Masked();

    private static IdentifierError? Validate(string value, out DateOnly birthDate)
    {
        birthDate = default;
        if (value.Length != 11)
        {
            return new(IdentifierErrorCode.Length, $"Expected 11 characters, got {value.Length}.");
        }

        if (!IdentifierInput.AreAsciiDigits(value.AsSpan(0, 6)))
        {
            return new(IdentifierErrorCode.Format, "The first six characters must be the birth date as digits (DDMMYY).");
        }

        var sign = value[6];
        if (CenturyOf(sign) is not { } century)
        {
            return new(
                IdentifierErrorCode.CenturySign,
                $"{sign} is not a century sign: use + for the 1800s, - or Y, X, W, V, U for the 1900s, A–F for the 2000s.");
        }

        if (!IdentifierInput.AreAsciiDigits(value.AsSpan(7, 3)))
        {
            return new(IdentifierErrorCode.Format, "Characters 8–10 must be the individual number as digits.");
        }

        var day = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var year = century + int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(IdentifierErrorCode.Date, $"{day:D2}.{month:D2}.{year} is not a real date.");
        }

        birthDate = new DateOnly(year, month, day);

        var number = value.Substring(7, 3);
        if (number is "000" or "001")
        {
            return new(IdentifierErrorCode.IndividualNumber, $"Individual number {number} is not valid: permanent codes use 002–899.");
        }

        if (number[0] == '9')
        {
            return new(
                IdentifierErrorCode.IndividualNumber,
                $"Individual number {number} marks a temporary identity code (900–999), which is not accepted.");
        }

        var expected = CheckCharacter(value.AsSpan(0, 6), number);
        return value[10] == expected
            ? null
            : new(IdentifierErrorCode.CheckCharacter, $"The check character should be {expected}, not {value[10]}.");
    }

    /// <summary>The first year of the century the sign stands for; letter signs are valid since 1 January 2023.</summary>
    private static int? CenturyOf(char sign) => sign switch
    {
        '+' => 1800,
        '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
        'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
        _ => null,
    };

    private static char CheckCharacter(ReadOnlySpan<char> datePart, ReadOnlySpan<char> individualNumber)
    {
        // The century sign does not enter the check: DDMMYYNNN read as one nine-digit number, mod 31.
        var n = (int.Parse(datePart, CultureInfo.InvariantCulture) * 1000)
            + int.Parse(individualNumber, CultureInfo.InvariantCulture);
        return CheckCharacters[n % 31];
    }
}
