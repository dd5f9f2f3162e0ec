using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.AspNetCore.Http.HttpResults;
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
public static class GroupCompanyApi
{
    public static IEndpointRouteBuilder MapGroupCompany(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/group/subjects/{id:guid}", GetAsync).WithTags("Group companies").RequirePermission(Permissions.GroupCompanyRead)
            .WithSummary("The contact details disclosed to group companies (notice § 8); X-Purpose names the purpose (default customer_relationship).");
        return app;
    }

    private static async Task<Results<Ok<GroupSubjectResponse>, NotFound, ValidationProblem>> GetAsync(
        Guid id, RegisterDbContext db, AuditLog audit, Access access, CancellationToken ct)
    {
        var purpose = access.Purpose(Purposes.CustomerRelationship);
        if (purpose is null)
        {
            return Access.UnknownPurpose();
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
            await audit.WriteAsync(new AuditEntry("subject.disclose", purpose, EntityType: "subject", EntityId: id.ToString(),
                Outcome: "failed"), ct);
            return TypedResults.NotFound();
        }

        var categories = Recipients.GroupCompanies.Select(c => c.Id).ToList();
        await audit.WriteAsync(new AuditEntry("subject.disclose", purpose, id, "subject", id.ToString(), categories), ct);
        return TypedResults.Ok(new GroupSubjectResponse(id, categories, consumer?.FirstName, consumer?.LastName, consumer?.Email,
            consumer?.Phone, consumer?.Street, consumer?.PostalCode, consumer?.City, contacts));
    }
}
