using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Subjects;

public sealed record GroupContactRole(string OrganisationName, string FirstName, string LastName, string? Email, string? Phone);

/// <summary>
/// What a group company receives on one person: only the categories its recipient record allows (for a group company
/// <see cref="Recipients.GroupCompanies"/>), named in <see cref="Categories"/>; a field of any other category is null.
/// </summary>
public sealed record GroupSubjectResponse(
    Guid SubjectId,
    IReadOnlyList<string> Categories,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Street,
    string? PostalCode,
    string? City,
    IReadOnlyList<GroupContactRole> ContactRoles);

/// <summary>
/// A group company's scoped read (notice § 8), for its API key with <see cref="Permissions.GroupCompanyRead"/>: the key
/// names its recipient (<see cref="ApiClient.RecipientId"/>), and the read goes through the one disclosure path
/// (<see cref="DiscloseData"/>) — only that recipient's categories, logged as a disclosure with its purpose. A restricted
/// person (Art 18) is not disclosed: the answer is 404, as for an unknown id. A key without a recipient, or one whose
/// recipient may receive nothing, is refused (409 with the reason).
/// </summary>
public sealed class GroupCompanyQueries(RegisterDbContext db, AuditLog audit, DiscloseData disclose)
{
    /// <summary>The categories this read can carry, in the order answered.</summary>
    public static IReadOnlyList<DataCategory> Readable { get; } = [Categories.Name, Categories.Email, Categories.Phone, Categories.Address];

    private static readonly LocalText NoRecipient = new(
        "Avaimelle ei ole valittu vastaanottajaa: tietoja ei luovuteta.",
        "Nyckeln har ingen mottagare: inga uppgifter lämnas ut.",
        "The key names no recipient: nothing is disclosed.");

    /// <summary>The person as disclosed to <paramref name="clientId"/>'s recipient for <paramref name="purpose"/>.</summary>
    public async Task<Outcome<GroupSubjectResponse>> GetAsync(Guid id, Guid? clientId, string purpose, CancellationToken ct)
    {
        var recipientId = clientId is { } key
            ? await db.Set<ApiClient>().AsNoTracking().Where(k => k.Id == key).Select(k => k.RecipientId).FirstOrDefaultAsync(ct)
            : null;
        if (recipientId is null)
        {
            await audit.WriteAsync(new AuditEntry(DiscloseData.AuditAction, purpose, EntityType: "subject", EntityId: id.ToString(),
                Outcome: "denied"), ct);
            return Outcome.Conflict("recipientId", NoRecipient, "no-recipient");
        }

        var restricted = await ProcessingLimits.Active(db, LimitKind.Restriction).AnyAsync(l => l.SubjectId == id, ct);
        var consumer = restricted ? null : await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == id, ct);
        var contacts = restricted
            ? []
            : await (from c in db.Set<ContactPerson>().AsNoTracking()
                     join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                     where c.SubjectId == id
                     orderby o.Name
                     select new GroupContactRole(o.Name, c.FirstName, c.LastName, c.Email, c.Phone)).ToListAsync(ct);
        if (consumer is null && contacts.Count == 0)
        {
            await audit.WriteAsync(new AuditEntry(DiscloseData.AuditAction, purpose, EntityType: "subject", EntityId: id.ToString(),
                Outcome: "failed"), ct);
            return Outcome.Missing;
        }

        var outcome = await disclose.DiscloseAsync(
            new DisclosureOrder(recipientId.Value, [id], [.. Readable.Select(c => c.Id)], purpose), ct);
        if (outcome.Value is not { } result)
        {
            return outcome.Conflict is { } conflict
                ? Outcome.Conflict(conflict.Field, conflict.Message, conflict.Reason)
                : outcome.NotFound ? Outcome.Missing : Outcome.Invalid(outcome.Errors!);
        }

        var may = result.CategoryKeys.ToHashSet(StringComparer.Ordinal);
        bool May(DataCategory category) => may.Contains(category.Id);
        return new GroupSubjectResponse(id, result.CategoryKeys,
            May(Categories.Name) ? consumer?.FirstName : null, May(Categories.Name) ? consumer?.LastName : null,
            May(Categories.Email) ? consumer?.Email : null, May(Categories.Phone) ? consumer?.Phone : null,
            May(Categories.Address) ? consumer?.Street : null, May(Categories.Address) ? consumer?.PostalCode : null,
            May(Categories.Address) ? consumer?.City : null,
            May(Categories.Name)
                ? [.. contacts.Select(r => r with { Email = May(Categories.Email) ? r.Email : null, Phone = May(Categories.Phone) ? r.Phone : null })]
                : []);
    }
}
