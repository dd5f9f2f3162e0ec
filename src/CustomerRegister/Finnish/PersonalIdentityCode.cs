using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Finnish;

/// <summary>
/// A Finnish personal identity code (henkilötunnus), <c>DDMMYYCNNNQ</c>. <see cref="ToString"/> returns the masked
/// form so that logging or printing the object never reveals the code; read <see cref="Value"/> deliberately.
/// </summary>
public sealed record PersonalIdentityCode
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private static readonly LocalText WrongLength = new(
        "Henkilötunnuksessa on 11 merkkiä; nyt merkkejä on {0}.",
        "Personbeteckningen har 11 tecken; nu är det {0} tecken.",
        "Expected 11 characters, got {0}.");

    private static readonly LocalText DateDigits = new(
        "Kuuden ensimmäisen merkin on oltava syntymäaika numeroina (PPKKVV).",
        "De sex första tecknen ska vara födelsedatumet i siffror (DDMMÅÅ).",
        "The first six characters must be the birth date as digits (DDMMYY).");

    private static readonly LocalText WrongCenturySign = new(
        "Seitsemäs merkki ei ole välimerkki: 1800-luvulla +, 1900-luvulla - tai Y, X, W, V, U, 2000-luvulla A–F.",
        "Det sjunde tecknet är inget sekeltecken: + för 1800-talet, - eller Y, X, W, V, U för 1900-talet, A–F för 2000-talet.",
        "{0} is not a century sign: use + for the 1800s, - or Y, X, W, V, U for the 1900s, A–F for the 2000s.");

    private static readonly LocalText NumberDigits = new(
        "Merkkien 8–10 on oltava yksilönumero numeroina.",
        "Tecknen 8–10 ska vara individnumret i siffror.",
        "Characters 8–10 must be the individual number as digits.");

    private static readonly LocalText NotADate = new(
        "Syntymäaika ei ole todellinen päivämäärä.",
        "Födelsedatumet är inget verkligt datum.",
        "{0:D2}.{1:D2}.{2} is not a real date.");

    private static readonly LocalText InvalidNumber = new(
        "Yksilönumero ei kelpaa: pysyvissä tunnuksissa se on 002–899.",
        "Individnumret godtas inte: permanenta beteckningar har 002–899.",
        "Individual number {0} is not valid: permanent codes use 002–899.");

    private static readonly LocalText TemporaryNumber = new(
        "Yksilönumero 900–999 tarkoittaa väliaikaista tunnusta, jota ei hyväksytä.",
        "Individnummer 900–999 betyder en tillfällig beteckning, som inte godtas.",
        "Individual number {0} marks a temporary identity code (900–999), which is not accepted.");

    private static readonly LocalText WrongCheckCharacter = new(
        "Tarkistusmerkki ei täsmää; jokin merkki on luultavasti kirjoitettu väärin.",
        "Kontrolltecknet stämmer inte; något tecken är troligen felskrivet.",
        "The check character should be {0}, not {1}.");

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
            return new(IdentifierErrorCode.Length, WrongLength.Format(value.Length));
        }

        if (!IdentifierInput.AreAsciiDigits(value.AsSpan(0, 6)))
        {
            return new(IdentifierErrorCode.Format, DateDigits);
        }

        var sign = value[6];
        if (CenturyOf(sign) is not { } century)
        {
            return new(IdentifierErrorCode.CenturySign, WrongCenturySign.Format(sign));
        }

        if (!IdentifierInput.AreAsciiDigits(value.AsSpan(7, 3)))
        {
            return new(IdentifierErrorCode.Format, NumberDigits);
        }

        var day = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var year = century + int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new(IdentifierErrorCode.Date, NotADate.Format(day, month, year));
        }

        birthDate = new DateOnly(year, month, day);

        var number = value.Substring(7, 3);
        if (number is "000" or "001")
        {
            return new(IdentifierErrorCode.IndividualNumber, InvalidNumber.Format(number));
        }

        if (number[0] == '9')
        {
            return new(IdentifierErrorCode.IndividualNumber, TemporaryNumber.Format(number));
        }

        var expected = CheckCharacter(value.AsSpan(0, 6), number);
        return value[10] == expected
            ? null
            : new(IdentifierErrorCode.CheckCharacter, WrongCheckCharacter.Format(expected, value[10]));
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
