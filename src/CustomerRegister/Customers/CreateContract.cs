using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Adds a contract to a relationship; its number becomes a search term of the customer.</summary>
public sealed class CreateContract(RegisterDbContext db, AuditLog audit)
{
    public async Task<Outcome<Contract>> RunAsync(Guid relationshipId, ContractRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContractInput.Read(request, errors);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == relationshipId, ct);
        if (relationship is null)
        {
            return Outcome.Missing;
        }

        if (await db.Set<Contract>().AnyAsync(c => c.ContractNumber == input.Number, ct))
        {
            return ContractInput.DuplicateNumber;
        }

        var contract = new Contract { Id = Guid.CreateVersion7(), RelationshipId = relationshipId };
        input.ApplyTo(contract);
        db.Add(contract);
        if (await CodeIndex.CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct) is { } customer)
        {
            CodeIndex.Add(db, customer, input.Number);
        }

        audit.Add(new AuditEntry("contract.create", Purposes.CustomerRelationship, relationship.SubjectId, "contract",
            contract.Id.ToString(), Access.SetFields(db.Entry(contract))));
        await db.SaveChangesAsync(ct);
        return contract;
    }
}
