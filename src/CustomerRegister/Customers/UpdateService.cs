using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a service's name, order date and contract as of the version read; its status changes through events.</summary>
public sealed class UpdateService(RegisterDbContext db, AuditLog audit)
{
    public async Task<Outcome<ServiceResponse>> RunAsync(Guid id, ServiceRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = OrderService.ServiceName(errors, request);
        if (request.OrderedDate is null)
        {
            errors.Add("orderedDate", FieldMessages.Required);
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var service = await db.Set<OrderedService>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return Outcome.Missing;
        }

        if (await OrderService.ContractErrorAsync(db, request.ContractId, service.RelationshipId, ct) is { } contractError)
        {
            return contractError;
        }

        var subjectId = await db.Set<CustomerRelationship>().Where(r => r.Id == service.RelationshipId).Select(r => r.SubjectId)
            .FirstOrDefaultAsync(ct);
        var changed = VersionedUpdate.Apply(db, service, request.Version!.Value, s =>
        {
            s.ServiceName = name!;
            s.OrderedDate = request.OrderedDate!.Value;
            s.ContractId = request.ContractId;
        });
        audit.Add(new AuditEntry("service.update", Purposes.CustomerRelationship, subjectId, "ordered_service", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return service.ToResponse(await RelationshipQueries.EventsOfAsync(db, id, ct));
    }
}
