using CustomerRegister.Billing;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// Who must be told of a rectification, erasure or restriction (Art 19): the recipients who actually received the
/// person's data, read from the disclosure log (<see cref="RecipientQueries.DisclosuresOfAsync"/>), plus the group
/// companies as the regular recipients of notice § 8, and any collection agency a case of the person went to before the
/// log named it.
/// </summary>
public static class Art19Recipients
{
    /// <summary>The recipients with the reason each must be told, in the requester's language (fi, sv or en).</summary>
    public static async Task<List<NotifyRecipient>> ListAsync(RegisterDbContext db, Guid subjectId, string language, CancellationToken ct)
    {
        var disclosed = await RecipientQueries.DisclosuresOfAsync(db, subjectId, ct);
        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var recipients = new List<NotifyRecipient> { new(AccessReportTexts.T("recipient.group", language), GroupReason(language)) };
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var g in disclosed.GroupBy(d => (d.RecipientId, d.RecipientName)))
        {
            named.Add(g.Key.RecipientName);
            var dates = g.Select(d => HelsinkiTime.DateOf(d.DisclosedAt)).ToList();
            recipients.Add(new NotifyRecipient(g.Key.RecipientName, DisclosedReason(language, dates.Min(), dates.Max())));
        }

        recipients.AddRange(cases.Where(c => !named.Contains(c.AgencyName)).OrderBy(c => c.OpenedAt).GroupBy(c => c.AgencyName)
            .Select(g => new NotifyRecipient(g.Key, AgencyReason(language, HelsinkiTime.DateOf(g.First().OpenedAt)))));
        return recipients;
    }

    private static readonly LocalText GroupReasons = new(
        "Asiakastietojen säännönmukainen vastaanottaja (tietosuojaseloste § 8).",
        "Regelbunden mottagare av kunduppgifter (dataskyddsbeskrivningen § 8).",
        "Regular recipient of customer data (notice § 8).");

    private static string GroupReason(string language) => GroupReasons.In(language);

    private static string Span(string language, DateOnly first, DateOnly last) =>
        first == last ? Display.Date(first) : $"{Display.Date(first)}–{Display.Date(last)}";

    private static string DisclosedReason(string language, DateOnly first, DateOnly last)
    {
        var when = Span(language, first, last);
        return new LocalText(
            $"Sille on luovutettu sinua koskevia tietoja ({when}).",
            $"Uppgifter om dig har lämnats ut till den ({when}).",
            $"The person's data was disclosed to it ({when}).").In(language);
    }

    private static string AgencyReason(string language, DateOnly handed)
    {
        var d = Display.Date(handed);
        return new LocalText(
            $"Perintätoimisto: sinua koskeva perintäasia siirrettiin sille {d}.",
            $"Inkassobyrå: ett indrivningsärende gällande dig överlämnades till den {d}.",
            $"Debt-collection agency: a collection case of the person was handed to it on {d}.").In(language);
    }
}
