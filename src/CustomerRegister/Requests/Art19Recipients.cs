using System.Globalization;
using CustomerRegister.Billing;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// Who must be told of a rectification, erasure or restriction (Art 19): the controller's regular recipients (notice § 8)
/// who may hold the person's data — the group companies always, and each collection agency a case of the person went to.
/// </summary>
public static class Art19Recipients
{
    /// <summary>The recipients with the reason each must be told, in the requester's language (fi, sv or en).</summary>
    public static async Task<List<NotifyRecipient>> ListAsync(RegisterDbContext db, Guid subjectId, string language, CancellationToken ct)
    {
        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var recipients = new List<NotifyRecipient> { new(AccessReportTexts.T("recipient.group", language), GroupReason(language)) };
        recipients.AddRange(cases.OrderBy(c => c.OpenedAt).GroupBy(c => c.AgencyName).Select(g => new NotifyRecipient(
            g.Key, AgencyReason(language, HelsinkiTime.DateOf(g.First().OpenedAt)))));
        return recipients;
    }

    private static readonly LocalText GroupReasons = new(
        "Asiakastietojen säännönmukainen vastaanottaja (tietosuojaseloste § 8).",
        "Regelbunden mottagare av kunduppgifter (dataskyddsbeskrivningen § 8).",
        "Regular recipient of customer data (notice § 8).");

    private static string GroupReason(string language) => GroupReasons.In(language);

    private static string AgencyReason(string language, DateOnly handed)
    {
        var d = handed.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        return new LocalText(
            $"Perintätoimisto: sinua koskeva perintäasia siirrettiin sille {d}.",
            $"Inkassobyrå: ett indrivningsärende gällande dig överlämnades till den {d}.",
            $"Debt-collection agency: a collection case of the person was handed to it on {d}.").In(language);
    }
}
