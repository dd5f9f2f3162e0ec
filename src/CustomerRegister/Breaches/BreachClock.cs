namespace CustomerRegister.Breaches;

/// <summary>Where a breach stands against the 72-hour limit of Art 33(1).</summary>
public enum BreachClockState
{
    /// <summary>Under <see cref="BreachClock.WarnFrom"/> since discovery, not yet decided.</summary>
    Running,

    /// <summary>At least <see cref="BreachClock.WarnFrom"/> since discovery and still not decided.</summary>
    Warning,

    /// <summary>Past the due time and still not decided.</summary>
    Overdue,

    NotifiedInTime,
    NotifiedLate,

    /// <summary>Decided that the authority need not be notified (unlikely to result in a risk).</summary>
    NotRequired,
}

/// <summary>The clock as read at a moment: the due time, whole hours left (negative: hours overdue) and the state.</summary>
public sealed record BreachClockReading(DateTime Due, int HoursLeft, BreachClockState State)
{
    /// <summary>True while the DPO must still act: a warning or overdue.</summary>
    public bool NeedsAttention => State is BreachClockState.Warning or BreachClockState.Overdue;

    public bool Open => State is BreachClockState.Running or BreachClockState.Warning or BreachClockState.Overdue;
}

/// <summary>
/// The 72-hour clock to the supervisory authority (GDPR Art 33(1): "without undue delay and, where feasible, not later
/// than 72 hours after having become aware of it"), as a pure rule: the one place where the limit and the warning live.
/// </summary>
public static class BreachClock
{
    /// <summary>Art 33(1).</summary>
    public static readonly TimeSpan NotifyWithin = TimeSpan.FromHours(72);

    /// <summary>From this long after discovery an undecided breach is warned about (a day left).</summary>
    public static readonly TimeSpan WarnFrom = TimeSpan.FromHours(48);

    public static DateTime DueAt(DateTime discoveredAt) => discoveredAt + NotifyWithin;

    public static BreachClockReading Read(DateTime discoveredAt, AuthorityDecision decision, DateTime? notifiedAt, DateTime now)
    {
        var due = DueAt(discoveredAt);
        var left = due - now;
        var hours = (int)Math.Floor(left.TotalHours);
        var state = decision switch
        {
            AuthorityDecision.Notified => notifiedAt is { } at && at > due ? BreachClockState.NotifiedLate : BreachClockState.NotifiedInTime,
            AuthorityDecision.NotRequired => BreachClockState.NotRequired,
            _ when now > due => BreachClockState.Overdue,
            _ when now - discoveredAt >= WarnFrom => BreachClockState.Warning,
            _ => BreachClockState.Running,
        };
        return new BreachClockReading(due, hours, state);
    }

    public static BreachClockReading Read(Breach breach, DateTime now) =>
        Read(breach.DiscoveredAt, breach.Authority, breach.AuthorityNotifiedAt, now);
}
