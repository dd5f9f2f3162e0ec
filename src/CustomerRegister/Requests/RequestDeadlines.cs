using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>
/// The statutory deadlines of GDPR Art 12(3), counted as Regulation 1182/71 counts a month: the same date of the
/// following month (or that month's last day), moved to the next working day when it falls on a Saturday, Sunday
/// or Finnish public holiday. An extended deadline is counted the same way from the day of receipt (one month plus the
/// extension) and moved once; it is never added to a due date that was already moved. Pure: no clock, no database.
/// </summary>
public sealed class RequestDeadlines(IEnumerable<DateOnly>? extraHolidays = null)
{
    public const int MaxExtensionMonths = 2;

    private static readonly LocalText AlreadyExtended = new(
        "Määräaikaa on jo jatkettu kerran.",
        "Tidsfristen har redan förlängts en gång.",
        "The deadline has already been extended once.");

    private static readonly LocalText ExtensionMonths = new(
        "Jatko on 1–{0} kuukautta.",
        "En förlängning är 1–{0} månader.",
        "An extension is 1 to {0} months.");

    private static readonly LocalText OriginalDuePassed = new(
        "Alkuperäinen määräaika on jo ohi; pyytäjälle on kerrottava jatkosta ensimmäisen kuukauden aikana.",
        "Den ursprungliga tidsfristen har redan gått ut; den som begärt ska informeras om förlängningen inom den första månaden.",
        "The original due date has passed; the requester must be told within the first month.");

    private readonly HashSet<DateOnly> _extra = [.. extraHolidays ?? []];

    /// <summary>The due date of a request received on <paramref name="received"/> (a Helsinki calendar date).</summary>
    public DateOnly DueDate(DateOnly received) => MonthsFrom(received, 1);

    /// <summary>
    /// The due date after an extension by <paramref name="months"/>: 1 + <paramref name="months"/> months counted from
    /// the day of receipt (a Helsinki calendar date), e.g. received 31.1.2027 → due 1.3.2027, extended by two → 30.4.2027.
    /// </summary>
    public DateOnly ExtendedDueDate(DateOnly received, int months) => MonthsFrom(received, 1 + months);

    /// <summary>The same date <paramref name="months"/> months later (or that month's last day), moved once to a working day.</summary>
    private DateOnly MonthsFrom(DateOnly received, int months) => NextWorkingDayFrom(received.AddMonths(months));

    /// <summary>Why an extension is not allowed, or null when it is.</summary>
    public static LocalText? ExtensionRefusal(DateOnly originalDue, DateOnly today, bool alreadyExtended, int months)
    {
        if (alreadyExtended)
        {
            return AlreadyExtended;
        }

        if (months is < 1 or > MaxExtensionMonths)
        {
            return ExtensionMonths.Format(MaxExtensionMonths);
        }

        return today > originalDue ? OriginalDuePassed : null;
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !IsHoliday(date);

    public bool IsHoliday(DateOnly date) => _extra.Contains(date) || FinnishHolidays(date.Year).Contains(date);

    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>Finnish public holidays of a year (Easter by the Gregorian rule); extra ones come from configuration.</summary>
    public static IReadOnlySet<DateOnly> FinnishHolidays(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1),
            new(year, 1, 6),
            easter.AddDays(-2),
            easter,
            easter.AddDays(1),
            new(year, 5, 1),
            easter.AddDays(39),
            FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday),
            FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday),
            FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday),
            new(year, 12, 6),
            new(year, 12, 24),
            new(year, 12, 25),
            new(year, 12, 26),
        };
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
