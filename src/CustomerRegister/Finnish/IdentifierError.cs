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
/// Why a value was refused. The message names the reason precisely but never repeats the input, because the input
/// may be a person's identity code and messages end up in API responses and logs.
/// </summary>
public sealed record IdentifierError(IdentifierErrorCode Code, string Message)
{
    public static IdentifierError Required { get; } = new(IdentifierErrorCode.Required, "A value is required.");
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
