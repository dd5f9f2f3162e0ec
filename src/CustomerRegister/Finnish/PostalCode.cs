using System.Diagnostics.CodeAnalysis;
using CustomerRegister.Localization;

namespace CustomerRegister.Finnish;

/// <summary>A Finnish postal code: exactly five digits.</summary>
public sealed record PostalCode
{
    private static readonly LocalText WrongLength = new(
        "Postinumerossa on 5 numeroa; nyt merkkejä on {0}.",
        "Postnumret har 5 siffror; nu är det {0} tecken.",
        "Expected 5 digits, got {0} characters.");

    private static readonly LocalText OnlyDigits = new(
        "Postinumerossa on vain numeroita.", "Postnumret har endast siffror.", "A postal code has only digits.");

    private PostalCode(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out PostalCode? postalCode,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        error = IdentifierInput.Trim(input, out var value) ?? Validate(value);
        if (error is not null)
        {
            postalCode = null;
            return false;
        }

        postalCode = new PostalCode(value);
        return true;
    }

    public static PostalCode Parse(string input) =>
        TryParse(input, out var postalCode, out var error) ? postalCode : throw new FormatException(error.Message);

    public override string ToString() => Value;

    private static IdentifierError? Validate(string value)
    {
        if (value.Length != 5)
        {
            return new(IdentifierErrorCode.Length, WrongLength.Format(value.Length));
        }

        return IdentifierInput.AreAsciiDigits(value)
            ? null
            : new(IdentifierErrorCode.Format, OnlyDigits);
    }
}
