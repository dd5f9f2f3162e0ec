using System.Diagnostics.CodeAnalysis;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Vehicles;

/// <summary>
/// A vehicle identification number (ISO 3779): 17 characters, digits and capital letters except I, O and Q. The
/// check digit in position 9 is mandatory only in North America, so it is not required here.
/// </summary>
public sealed record Vin
{
    public const int Length = 17;

    private static readonly LocalText WrongLength = new(
        "Valmistenumerossa (VIN) on {0} merkkiä; nyt merkkejä on {1}.",
        "Chassinumret (VIN) har {0} tecken; nu är det {1} tecken.",
        "Expected {0} characters, got {1}.");

    private static readonly LocalText NoIOQ = new(
        "Valmistenumerossa (VIN) ei koskaan ole kirjaimia I, O tai Q (ne muistuttavat numeroita 1 ja 0).",
        "Chassinumret (VIN) innehåller aldrig bokstäverna I, O eller Q (de liknar 1 och 0).",
        "A VIN never contains the letters I, O or Q (they look like 1 and 0).");

    private static readonly LocalText Characters = new(
        "Vain numerot ja kirjaimet A–Z (paitsi I, O, Q) ovat sallittuja.",
        "Endast siffror och bokstäverna A–Z (utom I, O, Q) är tillåtna.",
        "Only digits and the letters A–Z (except I, O, Q) are allowed.");

    private Vin(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, [NotNullWhen(true)] out Vin? vin, [NotNullWhen(false)] out IdentifierError? error)
    {
        vin = null;
        var value = input?.Trim().ToUpperInvariant() ?? "";
        error = Validate(value);
        if (error is not null)
        {
            return false;
        }

        vin = new Vin(value);
        return true;
    }

    public override string ToString() => Value;

    private static IdentifierError? Validate(string value)
    {
        if (value.Length == 0)
        {
            return IdentifierError.Required;
        }

        if (value.Length != Length)
        {
            return new(IdentifierErrorCode.Length, WrongLength.Format(Length, value.Length));
        }

        foreach (var c in value)
        {
            if (c is 'I' or 'O' or 'Q')
            {
                return new(IdentifierErrorCode.Format, NoIOQ);
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return new(IdentifierErrorCode.Format, Characters);
            }
        }

        return null;
    }
}

/// <summary>Pure rules for the vehicle data on a scrapping certificate.</summary>
public static class VehicleRules
{
    /// <summary>EU vehicle categories (Regulations 2018/858, 168/2013 and 167/2013).</summary>
    public static readonly IReadOnlyList<string> VehicleClasses =
    [
        "M1", "M2", "M3", "N1", "N2", "N3", "O1", "O2", "O3", "O4",
        "L1e", "L2e", "L3e", "L4e", "L5e", "L6e", "L7e", "T", "C", "R", "S",
    ];

    /// <summary>The canonical class for a given spelling ("m1" → "M1", "l3E" → "L3e"), or null for an unknown one.</summary>
    public static string? VehicleClass(string? input) =>
        input is null ? null : VehicleClasses.FirstOrDefault(c => string.Equals(c, input.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The officially assigned ISO 3166-1 alpha-2 country codes (the nationality on a certificate, 2002/151/EC).</summary>
    public static readonly IReadOnlySet<string> CountryCodes = new HashSet<string>(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly LocalText NationalityRequired = new(
        "Pakollinen tieto: omistajan kansalaisuus kaksikirjaimisena maatunnuksena (ISO 3166-1), esimerkiksi FI.",
        "Obligatorisk uppgift: ägarens nationalitet som landskod med två bokstäver (ISO 3166-1), till exempel FI.",
        "Required: the owner's nationality as an ISO 3166-1 alpha-2 code, e.g. FI.");

    private static readonly LocalText NotACountryCode = new(
        "Ei ole kaksikirjaiminen maatunnus (ISO 3166-1), kuten FI, SE tai EE.",
        "Ingen landskod med två bokstäver (ISO 3166-1), såsom FI, SE eller EE.",
        "Not an ISO 3166-1 alpha-2 country code (e.g. FI, SE, EE).");

    private static readonly LocalText RegistrationCharacters = new(
        "Vain kirjaimet, numerot, väliviivat ja välilyönnit ovat sallittuja.",
        "Endast bokstäver, siffror, bindestreck och mellanslag är tillåtna.",
        "Only letters, digits, hyphens and spaces are allowed.");

    /// <summary>A nationality as an ISO 3166-1 alpha-2 code, upper case ("fi" → "FI"), or null with the reason.</summary>
    public static string? Nationality(string? input, out LocalText? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = value.Length == 0 ? NationalityRequired
            : !CountryCodes.Contains(value) ? NotACountryCode
            : null;
        return error is null ? value : null;
    }

    /// <summary>A registration number as printed: upper case, single inner spaces; letters, digits, hyphens and spaces only.</summary>
    public static string? RegistrationNumber(string? input, out LocalText? error)
    {
        error = null;
        var value = string.Join(' ', (input ?? "").Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            error = FieldMessages.Required;
        }
        else if (value.Length > 12)
        {
            error = FieldMessages.TooLong(12);
        }
        else if (!value.All(c => char.IsLetterOrDigit(c) || c is '-' or ' ') || !value.Any(char.IsLetterOrDigit))
        {
            error = RegistrationCharacters;
        }

        return error is null ? value : null;
    }
}
