using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using CustomerRegister.Localization;

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

    private static readonly LocalText TooLong = new(
        "Sähköpostiosoitteessa on enintään {0} merkkiä; nyt merkkejä on {1}.",
        "En e-postadress har högst {0} tecken; nu är det {1} tecken.",
        "An email address has at most {0} characters, got {1}.");

    private static readonly LocalText Spaces = new(
        "Sähköpostiosoitteessa ei voi olla välilyöntejä.",
        "En e-postadress kan inte innehålla mellanslag.",
        "An email address cannot contain spaces.");

    private static readonly LocalText OneAt = new(
        "Sähköpostiosoitteessa on oltava täsmälleen yksi @-merkki.",
        "En e-postadress ska innehålla exakt ett @-tecken.",
        "An email address must contain exactly one @.");

    private static readonly LocalText LocalEmpty = new(
        "@-merkkiä edeltävä osa puuttuu.", "Delen före @ är tom.", "The part before @ is empty.");

    private static readonly LocalText LocalTooLong = new(
        "@-merkkiä edeltävässä osassa on enintään {0} merkkiä; nyt merkkejä on {1}.",
        "Delen före @ har högst {0} tecken; nu är det {1} tecken.",
        "The part before @ has at most {0} characters, got {1}.");

    private static readonly LocalText LocalDots = new(
        "@-merkkiä edeltävä osa ei voi alkaa eikä päättyä pisteeseen, eikä siinä voi olla kahta pistettä peräkkäin.",
        "Delen före @ kan inte börja eller sluta med en punkt eller ha två punkter i rad.",
        "The part before @ cannot start or end with a dot or have two dots in a row.");

    private static readonly LocalText LocalCharacter = new(
        "@-merkkiä edeltävässä osassa on merkki, jota sähköpostiosoitteessa ei voi olla, kuten ( ) < > , ; : tai \\.",
        "Delen före @ innehåller ett tecken som en e-postadress inte kan ha, såsom ( ) < > , ; : eller \\.",
        "The part before @ contains a character an email address cannot have, such as ( ) < > , ; : or \\.");

    private static readonly LocalText DomainEmpty = new(
        "@-merkin jälkeinen verkkotunnus puuttuu.", "Domänen efter @ är tom.", "The domain after @ is empty.");

    private static readonly LocalText DomainDot = new(
        "@-merkin jälkeisessä verkkotunnuksessa on oltava vähintään yksi piste, kuten esimerkki.fi.",
        "Domänen efter @ behöver minst en punkt, som i exempel.fi.",
        "The domain after @ needs at least one dot, as in example.fi.");

    private static readonly LocalText DomainEmptyLabel = new(
        "Verkkotunnuksessa on kaksi pistettä peräkkäin tai piste alussa tai lopussa.",
        "Domänen har två punkter i rad eller en punkt i början eller slutet.",
        "The domain after @ has an empty part between dots.");

    private static readonly LocalText DomainLabelTooLong = new(
        "Verkkotunnuksen kussakin osassa on enintään {0} merkkiä.",
        "Varje del av domänen har högst {0} tecken.",
        "Each part of the domain has at most {0} characters.");

    private static readonly LocalText DomainCharacters = new(
        "Verkkotunnuksessa saa olla vain kirjaimia, numeroita, väliviivoja ja pisteitä.",
        "Domänen får endast innehålla bokstäver, siffror, bindestreck och punkter.",
        "The domain after @ may contain only letters, digits, hyphens and dots.");

    private static readonly LocalText DomainHyphen = new(
        "Verkkotunnuksen osa ei voi alkaa eikä päättyä väliviivaan.",
        "En del av domänen kan inte börja eller sluta med ett bindestreck.",
        "A part of the domain cannot start or end with a hyphen.");

    private static readonly LocalText DomainDigits = new(
        "Verkkotunnuksen on päätyttävä nimeen, kuten .fi, ei numeroihin.",
        "Domänen ska sluta med ett namn, såsom .fi, inte med siffror.",
        "The domain after @ must end in a name such as .fi, not in digits.");

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
            return new(IdentifierErrorCode.Length, TooLong.Format(MaxLength, input.Length));
        }

        if (input.Any(char.IsWhiteSpace))
        {
            return new(IdentifierErrorCode.Format, Spaces);
        }

        var at = input.IndexOf('@');
        if (at < 0 || at != input.LastIndexOf('@'))
        {
            return new(IdentifierErrorCode.Format, OneAt);
        }

        var local = input[..at];
        var domain = input[(at + 1)..].ToLowerInvariant();
        if (local.Length == 0)
        {
            return new(IdentifierErrorCode.Format, LocalEmpty);
        }

        if (local.Length > MaxLocalPartLength)
        {
            return new(IdentifierErrorCode.Length, LocalTooLong.Format(MaxLocalPartLength, local.Length));
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return new(IdentifierErrorCode.Format, LocalDots);
        }

        if (DomainError(domain) is { } domainError)
        {
            return domainError;
        }

        // MailAddress also accepts display names and angle brackets, so insist it read back exactly what was typed.
        var candidate = $"{local}@{domain}";
        if (!MailAddress.TryCreate(candidate, out var parsed) || parsed.Address != candidate)
        {
            return new(IdentifierErrorCode.Invalid, LocalCharacter);
        }

        value = candidate;
        return null;
    }

    private static IdentifierError? DomainError(string domain)
    {
        if (domain.Length == 0)
        {
            return new(IdentifierErrorCode.Format, DomainEmpty);
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return new(IdentifierErrorCode.Format, DomainDot);
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return new(IdentifierErrorCode.Format, DomainEmptyLabel);
            }

            if (label.Length > MaxLabelLength)
            {
                return new(IdentifierErrorCode.Length, DomainLabelTooLong.Format(MaxLabelLength));
            }

            // char.IsLetter admits the non-ASCII letters of internationalized domains, e.g. ä in yhtiö.fi.
            if (!label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            {
                return new(IdentifierErrorCode.Format, DomainCharacters);
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return new(IdentifierErrorCode.Format, DomainHyphen);
            }
        }

        // Top-level domains are never all digits; this catches a bare IP address such as 192.0.2.1.
        return labels[^1].All(char.IsAsciiDigit)
            ? new(IdentifierErrorCode.Format, DomainDigits)
            : null;
    }
}
