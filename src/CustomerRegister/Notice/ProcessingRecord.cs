using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using CustomerRegister.Subjects;
using Microsoft.Extensions.Options;
using static CustomerRegister.Notice.NoticeTexts;

namespace CustomerRegister.Notice;

/// <summary>
/// One processing activity of the record (GDPR Art 30(1)(b)–(f)): a purpose with its legal bases, the categories of
/// people and data, the recipients, transfers outside the EU/EEA and the time limits for erasure.
/// </summary>
public sealed record ProcessingActivity(
    string Purpose, IReadOnlyList<string> Bases, IReadOnlyList<string> Subjects, IReadOnlyList<string> Data,
    IReadOnlyList<string> Recipients, string Transfers, IReadOnlyList<string> Erasure);

/// <summary>The record of processing activities (Art 30(1)) in one language, as the page, the CSV and the PDF show it.</summary>
public sealed record ProcessingRecord(
    string Language, DateTime GeneratedAt, int NoticeVersion, string Controller, IReadOnlyList<string> ControllerContacts, string? Dpo,
    IReadOnlyList<ProcessingActivity> Activities, IReadOnlyList<string> Security);

/// <summary>
/// Builds the Art 30 record from the same sources as the notice (<see cref="NoticeWriter"/>): the catalogue's
/// purposes, bases and categories, the group companies' categories, the configured retention periods, the controller
/// and DPO from configuration, the security measures of § 9. The record names the notice version it agrees with.
/// </summary>
public sealed class ProcessingRecords(
    IOptions<ControllerOptions> controller, NoticeWriter writer, NoticeVersions versions, RetentionDates dates, TimeProvider clock)
{
    public async Task<ProcessingRecord> BuildAsync(string language, CancellationToken ct)
    {
        var l = Languages.Normalize(language);
        var notice = await versions.EnsureCurrentAsync(ct);
        var c = controller.Value;
        var contacts = new[] { c.Email, c.ProtectionOfficerEmail }.OfType<string>().Where(e => e.Length > 0).ToList();
        var dpo = c.ProtectionOfficer is { Length: > 0 } name ? $"{name}{(c.ProtectionOfficerEmail is { Length: > 0 } e ? $", {e}" : "")}" : null;
        var activities = Purposes.All
            .Select(p => (Purpose: p, Categories: Categories.All.Where(x => x.Uses.Any(u => u.Purpose == p)).ToList()))
            .Where(x => x.Categories.Count > 0)
            .Select(x => Activity(x.Purpose, x.Categories, l))
            .ToList();
        return new ProcessingRecord(l, clock.GetUtcNow().UtcDateTime, notice.Number, c.Name, contacts, dpo, activities, [.. writer.Security(l)]);
    }

    private ProcessingActivity Activity(string purpose, IReadOnlyList<DataCategory> categories, string l)
    {
        var bases = categories.SelectMany(c => c.Uses).Where(u => u.Purpose == purpose).Select(u => u.Basis).Distinct()
            .Select(b => UiText.Text("LegalBasis." + b).In(l)).ToList();
        var recipients = new List<string>();
        var toGroup = categories.Intersect(Catalog.Recipients.GroupCompanies).ToList();
        if (toGroup.Count > 0)
        {
            recipients.Add(F("Record.Recipient.Group", l, string.Join(", ", toGroup.Select(c => c.Name(l).ToLower(Display.Format)))));
        }

        if (categories.Contains(Categories.Collection))
        {
            recipients.Add(T("Record.Recipient.Collection", l));
        }

        var erasure = categories.GroupBy(c => c.Retention)
            .Select(g => F("Record.Erasure", l, string.Join(", ", g.Select(c => c.Name(l))),
                (dates.PeriodOf(g.Key) with { Setting = null }).In(l), g.Key.StartingEvent.In(l)))
            .ToList();
        return new ProcessingActivity(
            Purposes.Name(purpose, l), bases, Subjects(l), [.. categories.Select(c => c.Name(l))],
            recipients.Count > 0 ? recipients : [T("Record.Recipient.None", l)], T("Notice.Transfers.None", l), erasure);
    }

    /// <summary>The kinds of people in the register (<see cref="SubjectKind"/>), anonymised rows aside.</summary>
    private static IReadOnlyList<string> Subjects(string l) =>
        [.. Enum.GetValues<SubjectKind>().Where(k => k != SubjectKind.Anonymised).Select(k => T("Record.Subjects." + k, l))];
}
