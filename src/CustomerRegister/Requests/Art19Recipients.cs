using CustomerRegister.Billing;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// Who must be told of a rectification, erasure or restriction (Art 19): the controller's regular recipients (notice § 8)
/// who may hold the person's data — the group companies always, and each collection agency a case of the person went to.
/// </summary>
public static class Art19Recipients
{
    public static async Task<List<NotifyRecipient>> ListAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var cases = await db.Set<CollectionCase>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.AgencyName, c.OpenedAt }).ToListAsync(ct);
        var recipients = new List<NotifyRecipient>
        {
            new(AccessReportTexts.T("recipient.group", "en"), "Regular recipient of customer data (notice § 8)."),
        };
        recipients.AddRange(cases.OrderBy(c => c.OpenedAt).GroupBy(c => c.AgencyName).Select(g => new NotifyRecipient(
            g.Key, $"Debt-collection agency: a collection case of the person was handed to it on {HelsinkiTime.DateOf(g.First().OpenedAt):yyyy-MM-dd}.")));
        return recipients;
    }
}
