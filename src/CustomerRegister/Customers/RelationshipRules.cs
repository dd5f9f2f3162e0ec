namespace CustomerRegister.Customers;

/// <summary>Pure rules of relationships, contracts and services: number format, periods, status transitions.</summary>
public static class RelationshipRules
{
    public const int MaxNumberLength = 20;
    public const int MaxReasonLength = 1000;
    public const int MaxSummaryLength = 2000;
    public const int MaxFeedbackLength = 4000;

    /// <summary>
    /// A customer or contract number: letters, digits and single inner hyphens or spaces, at least one digit (so the
    /// search box recognises it as a code), at most 20 characters. Stored upper-case with spaces as hyphens.
    /// </summary>
    public static bool TryNormaliseNumber(string? input, out string number, out string? error)
    {
        number = "";
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "Required.";
            return false;
        }

        if (trimmed.Length > MaxNumberLength)
        {
            error = $"At most {MaxNumberLength} characters.";
            return false;
        }

        var upper = trimmed.ToUpperInvariant().Replace(' ', '-');
        if (!upper.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || upper.StartsWith('-') || upper.EndsWith('-') || upper.Contains("--"))
        {
            error = "Only letters A–Z, digits and single hyphens or spaces between them.";
            return false;
        }

        if (!upper.Any(char.IsAsciiDigit))
        {
            error = "Must contain at least one digit.";
            return false;
        }

        number = upper;
        error = null;
        return true;
    }

    /// <summary>Why a period is wrong, or null: the end cannot precede the start.</summary>
    public static string? PeriodError(DateOnly start, DateOnly? end) =>
        end is { } e && e < start ? "Cannot be before the start date." : null;

    /// <summary>
    /// A relationship's end date is the end of cooperation, so it is set exactly when the status is Ended and cannot lie
    /// in the future (a planned end is recorded when it happens). Returns the offending field and message, or null.
    /// </summary>
    public static (string Field, string Message)? EndError(RelationshipStatus status, DateOnly? end, DateOnly today) =>
        (status, end) switch
        {
            (RelationshipStatus.Ended, null) => ("endDate", "Required when the status is Ended."),
            (not RelationshipStatus.Ended, not null) => ("status", "Must be Ended when an end date is given."),
            (_, { } e) when e > today => ("endDate", "Cannot be in the future."),
            _ => null,
        };

    /// <summary>A contract may carry a fixed-term end date while active; Ended needs an end date.</summary>
    public static (string Field, string Message)? ContractEndError(ContractStatus status, DateOnly? end) =>
        status == ContractStatus.Ended && end is null ? ("endDate", "Required when the status is Ended.") : null;

    /// <summary>The service's status after an event, or null when the event is not possible in the current status.</summary>
    public static ServiceStatus? Apply(ServiceStatus current, ServiceEventKind kind) => (current, kind) switch
    {
        (ServiceStatus.Active, ServiceEventKind.Suspended) => ServiceStatus.Suspended,
        (ServiceStatus.Suspended, ServiceEventKind.Resumed) => ServiceStatus.Active,
        (ServiceStatus.Active or ServiceStatus.Suspended, ServiceEventKind.Cancelled) => ServiceStatus.Cancelled,
        _ => null,
    };
}
