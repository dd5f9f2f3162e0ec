using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
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
    IOptions<ControllerOptions> controller, NoticeWriter writer, NoticeVersions versions, RecipientQueries registry, RetentionDates dates,
    TimeProvider clock)
{
    public async Task<ProcessingRecord> BuildAsync(string language, CancellationToken ct)
    {
        var l = Languages.Normalize(language);
        var notice = await versions.EnsureCurrentAsync(ct);
        var recipients = (await registry.ListAsync(includeEnded: false, ct)).OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var c = controller.Value;
        var contacts = new[] { c.Email, c.ProtectionOfficerEmail }.OfType<string>().Where(e => e.Length > 0).ToList();
        var dpo = c.ProtectionOfficer is { Length: > 0 } name ? $"{name}{(c.ProtectionOfficerEmail is { Length: > 0 } e ? $", {e}" : "")}" : null;
        var activities = Purposes.All
            .Select(p => (Purpose: p, Categories: Categories.All.Where(x => x.Uses.Any(u => u.Purpose == p)).ToList()))
            .Where(x => x.Categories.Count > 0)
            .Select(x => Activity(x.Purpose, x.Categories, recipients, l))
            .ToList();
        return new ProcessingRecord(l, clock.GetUtcNow().UtcDateTime, notice.Number, c.Name, contacts, dpo, activities, [.. writer.Security(l)]);
    }

    private ProcessingActivity Activity(string purpose, IReadOnlyList<DataCategory> categories, IReadOnlyList<Recipient> registry, string l)
    {
        var bases = categories.SelectMany(c => c.Uses).Where(u => u.Purpose == purpose).Select(u => u.Basis).Distinct()
            .Select(b => UiText.Text("LegalBasis." + b).In(l)).ToList();

        // Each active recipient of the registry that may receive any of the activity's categories, with those categories.
        var recipients = (from r in registry
                          let shared = categories.Where(c => r.Categories.Contains(c.Id)).ToList()
                          where shared.Count > 0
                          select F("Record.Recipient", l, r.Name, r.CountryCode, T("Notice.Role." + r.Role, l),
                              string.Join(", ", shared.Select(c => c.Name(l).ToLower(Display.Format))))).ToList();
        var abroad = registry.Where(r => !EeaCountries.Contains(r.CountryCode) && categories.Any(c => r.Categories.Contains(c.Id))).ToList();
        var transfers = abroad.Count == 0
            ? T("Notice.Transfers.None", l)
            : string.Join("; ", abroad.Select(r => $"{r.Name} ({r.CountryCode}): {T("Notice.Safeguard." + r.Safeguard, l)}"));
        var erasure = categories.GroupBy(c => c.Retention)
            .Select(g => F("Record.Erasure", l, string.Join(", ", g.Select(c => c.Name(l))),
                (dates.PeriodOf(g.Key) with { Setting = null }).In(l), g.Key.StartingEvent.In(l)))
            .ToList();
        return new ProcessingActivity(
            Purposes.Name(purpose, l), bases, Subjects(l), [.. categories.Select(c => c.Name(l))],
            recipients.Count > 0 ? recipients : [T("Record.Recipient.None", l)], transfers, erasure);
    }

    /// <summary>The kinds of people in the register (<see cref="SubjectKind"/>), anonymised rows aside.</summary>
    private static IReadOnlyList<string> Subjects(string l) =>
        [.. Enum.GetValues<SubjectKind>().Where(k => k != SubjectKind.Anonymised).Select(k => T("Record.Subjects." + k, l))];
}
