using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Search;

namespace CustomerRegister.Customers;

/// <summary>
/// What every write of a consumer, contact person or organisation keeps in step, in the same SaveChanges: its search
/// entries, and the kept marketing bans on its addresses (a ban outlives erasure; a re-added address is banned again).
/// </summary>
internal static class CustomerEntries
{
    public static async Task KeepAsync(RegisterDbContext db, MarketingBans bans, Consumer c, bool isNew, CancellationToken ct)
    {
        await SearchIndex.ReplaceAsync(db, SearchTarget.Consumer, c.Id, c.SubjectId, SearchIndex.SortKeyOf(c), SearchIndex.TermsOf(c), isNew, ct);
        await bans.ApplyAsync(c.SubjectId, c.Email, c.Phone, MarketingBans.PostalAddress(c.Street, c.PostalCode), ct);
    }

    public static async Task KeepAsync(RegisterDbContext db, MarketingBans bans, ContactPerson c, bool isNew, CancellationToken ct)
    {
        await SearchIndex.ReplaceAsync(db, SearchTarget.ContactPerson, c.Id, c.SubjectId, SearchIndex.SortKeyOf(c), SearchIndex.TermsOf(c), isNew, ct);
        await bans.ApplyAsync(c.SubjectId, c.Email, c.Phone, null, ct);
    }

    /// <summary>A sole trader's business address is the person's postal address: kept bans on it apply to them.</summary>
    public static async Task KeepAsync(RegisterDbContext db, MarketingBans bans, Organisation o, bool isNew, CancellationToken ct)
    {
        await SearchIndex.ReplaceAsync(db, SearchTarget.Organisation, o.Id, o.SubjectId, SearchIndex.SortKeyOf(o), SearchIndex.TermsOf(o), isNew, ct);
        if (o.SubjectId is { } subjectId)
        {
            await bans.ApplyAsync(subjectId, null, null, MarketingBans.PostalAddress(o.Street, o.PostalCode), ct);
        }
    }
}
