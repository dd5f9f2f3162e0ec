using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Customers;

/// <summary>Pure rules of relationships, contracts and services: number format, periods, status transitions.</summary>
public static class RelationshipRules
{
    public const int MaxNumberLength = 20;
    public const int MaxReasonLength = 1000;
    public const int MaxSummaryLength = 2000;
    public const int MaxFeedbackLength = 4000;

    private static readonly LocalText NumberCharacters = new(
        "Vain kirjaimet A–Z ja numerot sekä niiden välissä yksittäiset väliviivat tai välilyönnit ovat sallittuja.",
        "Endast bokstäverna A–Z och siffror, med enstaka bindestreck eller mellanslag mellan dem, är tillåtna.",
        "Only letters A–Z, digits and single hyphens or spaces between them.");

    private static readonly LocalText NumberDigit = new(
        "Numerossa on oltava vähintään yksi numero.",
        "Numret måste innehålla minst en siffra.",
        "Must contain at least one digit.");

    private static readonly LocalText BeforeStart = new(
        "Ei voi olla ennen alkamispäivää.",
        "Kan inte ligga före startdagen.",
        "Cannot be before the start date.");

    private static readonly LocalText RequiredWhenEnded = new(
        "Pakollinen tieto, kun tila on Päättynyt (Ended).",
        "Obligatorisk uppgift när statusen är Avslutad (Ended).",
        "Required when the status is Ended.");

    private static readonly LocalText EndedWhenEndDate = new(
        "Tilan on oltava Päättynyt (Ended), kun päättymispäivä on annettu.",
        "Statusen måste vara Avslutad (Ended) när ett slutdatum anges.",
        "Must be Ended when an end date is given.");

    /// <summary>
    /// A customer or contract number: letters, digits and single inner hyphens or spaces, at least one digit (so the
    /// search box recognises it as a code), at most 20 characters. Stored upper-case with spaces as hyphens.
    /// </summary>
    public static bool TryNormaliseNumber(string? input, out string number, out LocalText? error)
    {
        number = "";
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = FieldMessages.Required;
            return false;
        }

        if (trimmed.Length > MaxNumberLength)
        {
            error = FieldMessages.TooLong(MaxNumberLength);
            return false;
        }

        var upper = trimmed.ToUpperInvariant().Replace(' ', '-');
        if (!upper.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || upper.StartsWith('-') || upper.EndsWith('-') || upper.Contains("--"))
        {
            error = NumberCharacters;
            return false;
        }

        if (!upper.Any(char.IsAsciiDigit))
        {
            error = NumberDigit;
            return false;
        }

        number = upper;
        error = null;
        return true;
    }

    /// <summary>Why a period is wrong, or null: the end cannot precede the start.</summary>
    public static LocalText? PeriodError(DateOnly start, DateOnly? end) =>
        end is { } e && e < start ? BeforeStart : null;

    /// <summary>
    /// A relationship's end date is the end of cooperation, so it is set exactly when the status is Ended and cannot lie
    /// in the future (a planned end is recorded when it happens). Returns the offending field and message, or null.
    /// </summary>
    public static (string Field, LocalText Message)? EndError(RelationshipStatus status, DateOnly? end, DateOnly today) =>
        (status, end) switch
        {
            (RelationshipStatus.Ended, null) => ("endDate", RequiredWhenEnded),
            (not RelationshipStatus.Ended, not null) => ("status", EndedWhenEndDate),
            (_, { } e) when e > today => ("endDate", FieldMessages.NotInFuture),
            _ => null,
        };

    /// <summary>A contract may carry a fixed-term end date while active; Ended needs an end date.</summary>
    public static (string Field, LocalText Message)? ContractEndError(ContractStatus status, DateOnly? end) =>
        status == ContractStatus.Ended && end is null ? ("endDate", RequiredWhenEnded) : null;

    /// <summary>The service's status after an event, or null when the event is not possible in the current status.</summary>
    public static ServiceStatus? Apply(ServiceStatus current, ServiceEventKind kind) => (current, kind) switch
    {
        (ServiceStatus.Active, ServiceEventKind.Suspended) => ServiceStatus.Suspended,
        (ServiceStatus.Suspended, ServiceEventKind.Resumed) => ServiceStatus.Active,
        (ServiceStatus.Active or ServiceStatus.Suspended, ServiceEventKind.Cancelled) => ServiceStatus.Cancelled,
        _ => null,
    };
}
