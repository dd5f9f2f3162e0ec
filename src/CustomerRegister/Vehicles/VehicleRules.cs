using System.Diagnostics.CodeAnalysis;
using CustomerRegister.Finnish;

namespace CustomerRegister.Vehicles;

/// <summary>
/// A vehicle identification number (ISO 3779): 17 characters, digits and capital letters except I, O and Q. The
/// check digit in position 9 is mandatory only in North America, so it is not required here.
/// </summary>
public sealed record Vin
{
    public const int Length = 17;

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
            return new(IdentifierErrorCode.Length, $"Expected {Length} characters, got {value.Length}.");
        }

        foreach (var c in value)
        {
            if (c is 'I' or 'O' or 'Q')
            {
                return new(IdentifierErrorCode.Format, "A VIN never contains the letters I, O or Q (they look like 1 and 0).");
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return new(IdentifierErrorCode.Format, "Only digits and the letters A–Z (except I, O, Q) are allowed.");
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

    /// <summary>A registration number as printed: upper case, single inner spaces; letters, digits, hyphens and spaces only.</summary>
    public static string? RegistrationNumber(string? input, out string? error)
    {
        error = null;
        var value = string.Join(' ', (input ?? "").Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            error = "Required.";
        }
        else if (value.Length > 12)
        {
            error = "At most 12 characters.";
        }
        else if (!value.All(c => char.IsLetterOrDigit(c) || c is '-' or ' ') || !value.Any(char.IsLetterOrDigit))
        {
            error = "Only letters, digits, hyphens and spaces are allowed.";
        }

        return error is null ? value : null;
    }
}
