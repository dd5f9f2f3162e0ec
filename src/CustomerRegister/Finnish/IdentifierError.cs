using CustomerRegister.Localization;

namespace CustomerRegister.Finnish;

public enum IdentifierErrorCode
{
    Required,
    Length,
    Format,
    CheckCharacter,
    Date,
    IndividualNumber,
    CenturySign,
    Country,
    Checksum,
    NotSepa,
    Invalid,
}

/// <summary>
/// Why a value was refused, in every language (<see cref="Text"/>; the API answers <see cref="Message"/>, the English
/// one). The Finnish and Swedish reasons are precise but never repeat the input, because the input may be a person's
/// identity code and messages end up on screens, in API responses and logs.
/// </summary>
public sealed record IdentifierError(IdentifierErrorCode Code, LocalText Text)
{
    public static IdentifierError Required { get; } =
        new(IdentifierErrorCode.Required, new LocalText("Pakollinen tieto.", "Obligatorisk uppgift.", "A value is required."));

    /// <summary>The English reason, as the API answers it.</summary>
    public string Message => Text.En;
}

internal static class IdentifierInput
{
    /// <summary>Trims the input; a missing or blank value is refused the same way for every type.</summary>
    public static IdentifierError? Trim(string? input, out string trimmed)
    {
        trimmed = input?.Trim() ?? "";
        return trimmed.Length == 0 ? IdentifierError.Required : null;
    }

    public static bool AreAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
