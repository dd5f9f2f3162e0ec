using CustomerRegister.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Requests.Pages;

/// <summary>What the DPO's pages share: the select lists, the notice key, the person's page address.</summary>
public static partial class DpoPages
{
    /// <summary>The TempData key of the one-line notice after a successful step (post-redirect-get).</summary>
    public const string NoticeKey = "Notice";

    public static IEnumerable<SelectListItem> Options<T>(IEnumerable<T>? values = null, T? selected = null)
        where T : struct, Enum =>
        (values ?? Enum.GetValues<T>()).Select(v => new SelectListItem(Display.Enum(v), v.ToString(), Equals(v, selected)));

    public static IEnumerable<SelectListItem> LanguageOptions(string? selected = null) =>
        Languages.All.Select(l => new SelectListItem(UiText.Get("Requests.Language." + l), l, l == selected));

    /// <summary>"3 päivää jäljellä", "tänään", "myöhässä 2 päivää".</summary>
    public static string DaysLeft(int days) => Subjects.Pages.Subjects.PanelText.DaysLeft(days);

    /// <summary>
    /// An action's note as the log shows it: a rectification names the columns it changed (<c>consumers.last_name</c>),
    /// shown in words where the page knows the column; any other note is the handler's own text.
    /// </summary>
    public static string? ActionNote(string action, string? note)
    {
        if (action is RequestIntake.Acknowledged or Restrictions.RestrictionHandling.LiftAnnounced && note is not null && UiText.Has("Requests.Via." + note))
        {
            return UiText.Get("Requests.Via." + note);
        }

        if (action != "rectified" || note is null)
        {
            return note;
        }

        if (!ColumnList().IsMatch(note))
        {
            return UiText.Get("Requests.Rectify.NoDifference");
        }

        return string.Join(", ", note.Split(", ").Select(n => n[(n.IndexOf('.', StringComparison.Ordinal) + 1)..])
            .Select(c => UiText.Has("Requests.Column." + c) ? UiText.Get("Requests.Column." + c).ToLowerInvariant() : UiText.Get("Requests.Column.Other"))
            .Distinct());
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_]+\\.[a-z_]+(, [a-z_]+\\.[a-z_]+)*$")]
    private static partial System.Text.RegularExpressions.Regex ColumnList();

    /// <summary>The channels staff take a request in through; the web form and the mailbox poller take theirs in themselves.</summary>
    public static readonly RequestChannel[] IntakeChannels =
        [RequestChannel.Phone, RequestChannel.Letter, RequestChannel.Visit, RequestChannel.CustomerServiceMailbox, RequestChannel.Staff];
}

/// <summary>What the request table partial draws: the lines, the staff names of their assignees, the table's id.</summary>
public sealed record RequestTable(IReadOnlyList<RequestQueueItem> Items, IReadOnlyDictionary<Guid, string> Staff, string Id);

/// <summary>The DPO's block on the start page.</summary>
public sealed record StartDpo(RequestCounts Counts, IReadOnlyList<RequestQueueItem> FirstDue);
