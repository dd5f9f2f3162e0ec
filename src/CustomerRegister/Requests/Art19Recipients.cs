using System.Globalization;
using CustomerRegister.Billing;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
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

    private static string GroupReason(string language) => language switch
    {
        "sv" => "Regelbunden mottagare av kunduppgifter (dataskyddsbeskrivningen § 8).",
        "en" => "Regular recipient of customer data (notice § 8).",
        _ => "Asiakastietojen säännönmukainen vastaanottaja (tietosuojaseloste § 8).",
    };

    private static string AgencyReason(string language, DateOnly handed)
    {
        var d = handed.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        return language switch
        {
            "sv" => $"Inkassobyrå: ett indrivningsärende gällande dig överlämnades till den {d}.",
            "en" => $"Debt-collection agency: a collection case of the person was handed to it on {d}.",
            _ => $"Perintätoimisto: sinua koskeva perintäasia siirrettiin sille {d}.",
        };
    }
}
