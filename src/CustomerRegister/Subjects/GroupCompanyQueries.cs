using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Subjects;

public sealed record GroupContactRole(string OrganisationName, string FirstName, string LastName, string? Email, string? Phone);

/// <summary>What a group company receives on one person: the categories of <see cref="Recipients.GroupCompanies"/>.</summary>
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
/// A group company's scoped read (notice § 8), for its API key with <see cref="Permissions.GroupCompanyRead"/>: only the
/// categories the catalogue discloses to group companies, audited as a disclosure with its purpose. A restricted person
/// (Art 18) is not disclosed: the answer is 404, as for an unknown id.
/// </summary>
public sealed class GroupCompanyQueries(RegisterDbContext db, AuditLog audit)
{
    /// <summary>The person as disclosed for <paramref name="purpose"/>; missing (and audited as failed) when not disclosable.</summary>
    public async Task<Outcome<GroupSubjectResponse>> GetAsync(Guid id, string purpose, CancellationToken ct)
    {
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
            await audit.WriteAsync(new AuditEntry("subject.disclose", purpose, EntityType: "subject", EntityId: id.ToString(),
                Outcome: "failed"), ct);
            return Outcome.Missing;
        }

        var categories = Recipients.GroupCompanies.Select(c => c.Id).ToList();
        await audit.WriteAsync(new AuditEntry("subject.disclose", purpose, id, "subject", id.ToString(), categories), ct);
        return new GroupSubjectResponse(id, categories, consumer?.FirstName, consumer?.LastName, consumer?.Email,
            consumer?.Phone, consumer?.Street, consumer?.PostalCode, consumer?.City, contacts);
    }
}
