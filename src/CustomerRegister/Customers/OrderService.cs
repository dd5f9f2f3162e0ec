using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Records a service the customer ordered under a relationship (and optionally one of its contracts).</summary>
public sealed class OrderService(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly LocalText NoSuchContract = new(
        "Tällä asiakkuudella ei ole tällaista sopimusta.",
        "Kundrelationen har inget sådant avtal.",
        "No such contract in this relationship.");

    public async Task<Outcome<ServiceResponse>> RunAsync(Guid relationshipId, ServiceRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = ServiceName(errors, request);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == relationshipId, ct);
        if (relationship is null)
        {
            return Outcome.Missing;
        }

        if (await ContractErrorAsync(db, request.ContractId, relationshipId, ct) is { } contractError)
        {
            return contractError;
        }

        var service = new OrderedService
        {
            Id = Guid.CreateVersion7(),
            RelationshipId = relationshipId,
            ContractId = request.ContractId,
            ServiceName = name!,
            OrderedDate = request.OrderedDate ?? HelsinkiTime.Today(clock),
            Status = ServiceStatus.Active,
        };
        db.Add(service);
        audit.Add(new AuditEntry("service.create", Purposes.CustomerRelationship, relationship.SubjectId, "ordered_service",
            service.Id.ToString(), Access.SetFields(db.Entry(service))));
        await db.SaveChangesAsync(ct);
        return service.ToResponse([]);
    }

    internal static string? ServiceName(FieldErrors errors, ServiceRequest request) =>
        errors.Text("serviceName", request.ServiceName, 200, required: true);

    /// <summary>A service's contract, when one is named, must be a contract of the same relationship.</summary>
    internal static async Task<Failure?> ContractErrorAsync(RegisterDbContext db, Guid? contractId, Guid relationshipId, CancellationToken ct) =>
        contractId is { } id && !await db.Set<Contract>().AnyAsync(c => c.Id == id && c.RelationshipId == relationshipId, ct)
            ? Outcome.Invalid("contractId", NoSuchContract)
            : null;
}
