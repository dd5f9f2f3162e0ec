using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Contracts of a relationship: list, read, create, replace.</summary>
public static partial class RelationshipsApi
{
    private static async Task<Results<Ok<List<ContractResponse>>, NotFound>> ContractsAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null || await limits.HidesAsync(relationship.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var contracts = await db.Set<Contract>().AsNoTracking().Where(c => c.RelationshipId == id)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("contract.list", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), RelationshipFields), ct);
        return TypedResults.Ok(contracts.Select(c => c.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound>> GetContractAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var found = await (from c in db.Set<Contract>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on c.RelationshipId equals r.Id
                           where c.Id == id
                           select new { Contract = c, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null || await limits.HidesAsync(found.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("contract.read", Purposes.CustomerRelationship, found.SubjectId, "contract",
            id.ToString(), RelationshipFields), ct);
        return TypedResults.Ok(found.Contract.ToResponse());
    }

    private static async Task<Results<Created<ContractResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateContractAsync(
        Guid id, ContractRequest request, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContractInput.Read(request, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Set<Contract>().AnyAsync(c => c.ContractNumber == input.Number, ct))
        {
            return Duplicate("contractNumber", "Another contract already has this contract number.");
        }

        var contract = new Contract { Id = Guid.CreateVersion7(), RelationshipId = id };
        input.ApplyTo(contract);
        db.Add(contract);
        if (await CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct) is { } customer)
        {
            CodeIndex.Add(db, customer, input.Number);
        }

        audit.Add(new AuditEntry("contract.create", Purposes.CustomerRelationship, relationship.SubjectId, "contract",
            contract.Id.ToString(), Access.SetFields(db.Entry(contract))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/contracts/{contract.Id}", contract.ToResponse());
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> UpdateContractAsync(
        Guid id, ContractRequest request, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ContractInput.Read(request, errors);
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var contract = await db.Set<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Set<Contract>().AnyAsync(c => c.ContractNumber == input.Number && c.Id != id, ct))
        {
            return Duplicate("contractNumber", "Another contract already has this contract number.");
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstAsync(r => r.Id == contract.RelationshipId, ct);
        var entry = db.Entry(contract);
        entry.Property(c => c.Version).OriginalValue = request.Version!.Value;
        if (contract.ContractNumber != input.Number
            && await CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct) is { } customer)
        {
            await CodeIndex.ReplaceAsync(db, customer, contract.ContractNumber, input.Number, ct);
        }

        input.ApplyTo(contract);
        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("contract.update", Purposes.CustomerRelationship, relationship.SubjectId, "contract", id.ToString(),
            Access.ChangedFields(entry).ToList()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(contract.ToResponse());
    }
}
