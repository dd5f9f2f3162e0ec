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

/// <summary>Ordered services and their events (suspend, resume, cancel).</summary>
public static partial class RelationshipsApi
{
    private static async Task<Results<Ok<List<ServiceResponse>>, NotFound>> ServicesAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null || await limits.HidesAsync(relationship.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var services = await LoadServicesAsync(db, [id], ct);
        await audit.WriteAsync(new AuditEntry("service.list", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), ServiceFields), ct);
        return TypedResults.Ok(services);
    }

    private static async Task<Results<Ok<ServiceResponse>, NotFound>> GetServiceAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var found = await (from s in db.Set<OrderedService>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on s.RelationshipId equals r.Id
                           where s.Id == id
                           select new { Service = s, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null || await limits.HidesAsync(found.SubjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var events = await db.Set<ServiceEvent>().AsNoTracking().Where(e => e.ServiceId == id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("service.read", Purposes.CustomerRelationship, found.SubjectId, "ordered_service",
            id.ToString(), ServiceFields), ct);
        return TypedResults.Ok(found.Service.ToResponse(events));
    }

    private static async Task<Results<Created<ServiceResponse>, NotFound, ValidationProblem>> CreateServiceAsync(
        Guid id, ServiceRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("serviceName", request.ServiceName, 200, required: true);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (request.ContractId is { } contractId && !await db.Set<Contract>().AnyAsync(c => c.Id == contractId && c.RelationshipId == id, ct))
        {
            return errors.Add("contractId", "No such contract in this relationship.").Problem();
        }

        var service = new OrderedService
        {
            Id = Guid.CreateVersion7(),
            RelationshipId = id,
            ContractId = request.ContractId,
            ServiceName = name!,
            OrderedDate = request.OrderedDate ?? HelsinkiTime.Today(clock),
            Status = ServiceStatus.Active,
        };
        db.Add(service);
        audit.Add(new AuditEntry("service.create", Purposes.CustomerRelationship, relationship.SubjectId, "ordered_service",
            service.Id.ToString(), Access.SetFields(db.Entry(service))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/services/{service.Id}", service.ToResponse([]));
    }

    private static async Task<Results<Ok<ServiceResponse>, NotFound, ValidationProblem>> UpdateServiceAsync(
        Guid id, ServiceRequest request, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("serviceName", request.ServiceName, 200, required: true);
        if (request.OrderedDate is null)
        {
            errors.Add("orderedDate", "Required.");
        }

        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var service = await db.Set<OrderedService>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return TypedResults.NotFound();
        }

        if (request.ContractId is { } contractId
            && !await db.Set<Contract>().AnyAsync(c => c.Id == contractId && c.RelationshipId == service.RelationshipId, ct))
        {
            return errors.Add("contractId", "No such contract in this relationship.").Problem();
        }

        var subjectId = await SubjectOfAsync(db, service.RelationshipId, ct);
        var entry = db.Entry(service);
        entry.Property(s => s.Version).OriginalValue = request.Version!.Value;
        service.ServiceName = name!;
        service.OrderedDate = request.OrderedDate!.Value;
        service.ContractId = request.ContractId;
        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("service.update", Purposes.CustomerRelationship, subjectId, "ordered_service", id.ToString(),
            Access.ChangedFields(entry).ToList()));
        await db.SaveChangesAsync(ct);
        var events = await db.Set<ServiceEvent>().AsNoTracking().Where(e => e.ServiceId == id).ToListAsync(ct);
        return TypedResults.Ok(service.ToResponse(events));
    }

    private static async Task<Results<Created<ServiceResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AddEventAsync(
        Guid id, ServiceEventRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, RelationshipRules.MaxReasonLength);
        var today = HelsinkiTime.Today(clock);
        if (request.Kind is null)
        {
            errors.Add("kind", $"Required: one of {string.Join(", ", Enum.GetNames<ServiceEventKind>())}.");
        }

        if (request.ReportedBy is null)
        {
            errors.Add("reportedBy", $"Required: one of {string.Join(", ", Enum.GetNames<ReportedBy>())}.");
        }
        else if ((request.ReportedBy == ReportedBy.ContactPerson) != (request.ContactPersonId is not null))
        {
            errors.Add("contactPersonId", "Required exactly when reportedBy is ContactPerson.");
        }

        if (request.Version is null)
        {
            errors.Add("version", "Required: the service's version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var found = await (from s in db.Set<OrderedService>()
                           join r in db.Set<CustomerRelationship>() on s.RelationshipId equals r.Id
                           where s.Id == id
                           select new { Service = s, r.SubjectId, r.OrganisationId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        var service = found.Service;
        Guid? contactSubjectId = null;
        if (request.ContactPersonId is { } contactId)
        {
            contactSubjectId = await db.Set<ContactPerson>().Where(c => c.Id == contactId && c.OrganisationId == found.OrganisationId)
                .Select(c => (Guid?)c.SubjectId).FirstOrDefaultAsync(ct);
            if (contactSubjectId is null)
            {
                return errors.Add("contactPersonId", "No such contact person of the customer organisation.").Problem();
            }
        }

        if (RelationshipRules.Apply(service.Status, request.Kind!.Value) is not { } next)
        {
            return Duplicate("kind", $"A service that is {service.Status} cannot be {request.Kind}.");
        }

        db.Entry(service).Property(s => s.Version).OriginalValue = request.Version!.Value;
        service.Status = next;
        var (_, userId) = AuditLog.Actor(http.HttpContext?.User);
        var serviceEvent = new ServiceEvent
        {
            Id = Guid.CreateVersion7(),
            ServiceId = id,
            Kind = request.Kind.Value,
            Date = request.Date ?? today,
            Reason = reason,
            ReportedBy = request.ReportedBy!.Value,
            ContactPersonId = request.ContactPersonId,
            RecordedByUserId = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(serviceEvent);
        var fields = Access.SetFields(db.Entry(serviceEvent)).Append("status").ToList();
        audit.Add(new AuditEntry("service.event", Purposes.CustomerRelationship, found.SubjectId, "ordered_service", id.ToString(), fields));
        if (contactSubjectId is not null)
        {
            audit.Add(new AuditEntry("service.event", Purposes.CustomerRelationship, contactSubjectId, "service_event",
                serviceEvent.Id.ToString(), ["contact_person_id"]));
        }

        await db.SaveChangesAsync(ct);
        var events = await db.Set<ServiceEvent>().AsNoTracking().Where(e => e.ServiceId == id).ToListAsync(ct);
        return TypedResults.Created($"/api/services/{id}", service.ToResponse(events));
    }

    internal static async Task<List<ServiceResponse>> LoadServicesAsync(RegisterDbContext db, IReadOnlyCollection<Guid> relationshipIds,
        CancellationToken ct)
    {
        var services = await db.Set<OrderedService>().AsNoTracking().Where(s => relationshipIds.Contains(s.RelationshipId))
            .OrderBy(s => s.OrderedDate).ThenBy(s => s.Id).ToListAsync(ct);
        var serviceIds = services.Select(s => s.Id).ToList();
        var events = await db.Set<ServiceEvent>().AsNoTracking().Where(e => serviceIds.Contains(e.ServiceId)).ToListAsync(ct);
        return services.Select(s => s.ToResponse(events)).ToList();
    }
}
