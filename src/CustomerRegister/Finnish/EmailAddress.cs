using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace CustomerRegister.Finnish;

/// <summary>
/// An email address. <see cref="Value"/> keeps the local part as typed (it is case-sensitive in principle) and
/// lowercases the domain; <see cref="Normalized"/> lowercases everything, for case-insensitive matching.
/// </summary>
public sealed record EmailAddress
{
    private const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    private EmailAddress(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public string Normalized => Value.ToLowerInvariant();

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out EmailAddress? email,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        var value = "";
        error = IdentifierInput.Trim(input, out var trimmed) ?? Validate(trimmed, out value);
        if (error is not null)
        {
            email = null;
            return false;
        }

        email = new EmailAddress(value);
        return true;
    }

    public static EmailAddress Parse(string input) =>
        TryParse(input, out var email, out var error) ? email : throw new FormatException(error.Message);

    public override string ToString() => Value;

    private static IdentifierError? Validate(string input, out string value)
    {
        value = "";
        if (input.Length > MaxLength)
        {
            return new(IdentifierErrorCode.Length, $"An email address has at most {MaxLength} characters, got {input.Length}.");
        }

        if (input.Any(char.IsWhiteSpace))
        {
            return new(IdentifierErrorCode.Format, "An email address cannot contain spaces.");
        }

        var at = input.IndexOf('@');
        if (at < 0 || at != input.LastIndexOf('@'))
        {
            return new(IdentifierErrorCode.Format, "An email address must contain exactly one @.");
        }

        var local = input[..at];
        var domain = input[(at + 1)..].ToLowerInvariant();
        if (local.Length == 0)
        {
            return new(IdentifierErrorCode.Format, "The part before @ is empty.");
        }

        if (local.Length > MaxLocalPartLength)
        {
            return new(IdentifierErrorCode.Length, $"The part before @ has at most {MaxLocalPartLength} characters, got {local.Length}.");
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return new(IdentifierErrorCode.Format, "The part before @ cannot start or end with a dot or have two dots in a row.");
        }

        if (DomainError(domain) is { } domainError)
        {
            return domainError;
        }

        // MailAddress also accepts display names and angle brackets, so insist it read back exactly what was typed.
        var candidate = $"{local}@{domain}";
        if (!MailAddress.TryCreate(candidate, out var parsed) || parsed.Address != candidate)
        {
            return new(IdentifierErrorCode.Invalid, "The part before @ contains a character an email address cannot have, such as ( ) < > , ; : or \\.");
        }

        value = candidate;
        return null;
    }

    private static IdentifierError? DomainError(string domain)
    {
        if (domain.Length == 0)
        {
            return new(IdentifierErrorCode.Format, "The domain after @ is empty.");
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return new(IdentifierErrorCode.Format, "The domain after @ needs at least one dot, as in example.fi.");
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return new(IdentifierErrorCode.Format, "The domain after @ has an empty part between dots.");
            }

            if (label.Length > MaxLabelLength)
            {
                return new(IdentifierErrorCode.Length, $"Each part of the domain has at most {MaxLabelLength} characters.");
            }

            // char.IsLetter admits the non-ASCII letters of internationalized domains, e.g. ä in yhtiö.fi.
            if (!label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            {
                return new(IdentifierErrorCode.Format, "The domain after @ may contain only letters, digits, hyphens and dots.");
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return new(IdentifierErrorCode.Format, "A part of the domain cannot start or end with a hyphen.");
            }
        }

        // Top-level domains are never all digits; this catches a bare IP address such as 192.0.2.1.
        return labels[^1].All(char.IsAsciiDigit)
            ? new(IdentifierErrorCode.Format, "The domain after @ must end in a name such as .fi, not in digits.")
            : null;
    }
}
