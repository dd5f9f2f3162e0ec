using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a contract's number, title, dates and status as of the version read.</summary>
public sealed class UpdateContract(RegisterDbContext db, AuditLog audit)
{
    public async Task<Outcome<Contract>> RunAsync(Guid id, ContractRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContractInput.Read(request, errors);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var contract = await db.Set<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return Outcome.Missing;
        }

        if (await db.Set<Contract>().AnyAsync(c => c.ContractNumber == input.Number && c.Id != id, ct))
        {
            return ContractInput.DuplicateNumber;
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstAsync(r => r.Id == contract.RelationshipId, ct);
        if (contract.ContractNumber != input.Number
            && await CodeIndex.CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct) is { } customer)
        {
            await CodeIndex.ReplaceAsync(db, customer, contract.ContractNumber, input.Number, ct);
        }

        var changed = VersionedUpdate.Apply(db, contract, request.Version!.Value, input.ApplyTo);
        audit.Add(new AuditEntry("contract.update", Purposes.CustomerRelationship, relationship.SubjectId, "contract", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return contract;
    }
}
