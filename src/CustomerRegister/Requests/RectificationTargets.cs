using CustomerRegister.Customers;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>
/// One value of the person a handler may correct on the request page: a catalogue table and column on one of the person's
/// rows. <paramref name="Owner"/> names the row for the handler where the person has several (the organisation of a
/// contact-person row, "1", "2" … for relationships); null for the person's own consumer row.
/// </summary>
public sealed record RectificationTarget(string Table, Guid RowId, string Field, string? Owner)
{
    /// <summary>The form's value for the target: <c>table|rowId|field</c>.</summary>
    public string Key => $"{Table}|{RowId}|{Field}";
}

/// <summary>
/// What the request page offers to rectify (Art 16) beyond the API's free form: the person's consumer row (contact details
/// and the bank account), the contact-person rows they hold in organisations, their sole-trader organisation, and the dates
/// of their customer relationships. Whether a column may change and how a value is read stays with
/// <see cref="RectificationRules"/> and <see cref="Rectifications"/> (a test posts every offered field through them).
/// </summary>
public sealed class RectificationTargets(RegisterDbContext db)
{
    /// <summary>The columns offered per table, in the order shown.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["consumers"] = ["first_name", "last_name", "street", "postal_code", "city", "phone", "email", "bank_account"],
        ["contact_persons"] = ["first_name", "last_name", "title", "position", "phone", "email"],
        ["organisations"] = ["name", "business_id", "street", "postal_code", "city"],
        ["customer_relationships"] = ["start_date", "end_date"],
    };

    public async Task<IReadOnlyList<RectificationTarget>> OfAsync(Guid subjectId, CancellationToken ct)
    {
        var consumers = await db.Set<Consumer>().AsNoTracking().Where(c => c.SubjectId == subjectId).Select(c => c.Id).ToListAsync(ct);
        var contacts = await (from c in db.Set<ContactPerson>().AsNoTracking()
                              join o in db.Set<Organisation>().AsNoTracking() on c.OrganisationId equals o.Id
                              where c.SubjectId == subjectId
                              orderby o.Name
                              select new { c.Id, o.Name }).ToListAsync(ct);
        var traders = await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId == subjectId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var relationships = await db.Set<CustomerRelationship>().AsNoTracking().Where(r => r.SubjectId == subjectId)
            .OrderBy(r => r.StartDate).Select(r => r.Id).ToListAsync(ct);

        IEnumerable<RectificationTarget> Of(string table, Guid id, string? owner) => Fields[table].Select(f => new RectificationTarget(table, id, f, owner));
        return
        [
            .. consumers.SelectMany(id => Of("consumers", id, null)),
            .. contacts.SelectMany(c => Of("contact_persons", c.Id, c.Name)),
            .. traders.SelectMany(o => Of("organisations", o.Id, o.Name)),
            .. relationships.SelectMany((id, i) => Of("customer_relationships", id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];
    }
}
