using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Records a suspension, resumption or cancellation of a service and who reported it (the customer, a named contact
/// person of the organisation, or staff); the service's status follows <see cref="RelationshipRules"/>.
/// </summary>
public sealed class RecordServiceEvent(RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task<Outcome<ServiceResponse>> RunAsync(Guid serviceId, ServiceEventRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, RelationshipRules.MaxReasonLength);
        var today = HelsinkiTime.Today(clock);
        Choice.Required(errors, "kind", request.Kind);
        Choice.Required(errors, "reportedBy", request.ReportedBy);
        if (request.ReportedBy is not null && (request.ReportedBy == ReportedBy.ContactPerson) != (request.ContactPersonId is not null))
        {
            errors.Add("contactPersonId", "Required exactly when reportedBy is ContactPerson.");
        }

        if (request.Version is null)
        {
            errors.Add("version", "Required: the service's version you read.");
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var found = await (from s in db.Set<OrderedService>()
                           join r in db.Set<CustomerRelationship>() on s.RelationshipId equals r.Id
                           where s.Id == serviceId
                           select new { Service = s, r.SubjectId, r.OrganisationId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Outcome.Missing;
        }

        var service = found.Service;
        Guid? contactSubjectId = null;
        if (request.ContactPersonId is { } contactId)
        {
            contactSubjectId = await db.Set<ContactPerson>().Where(c => c.Id == contactId && c.OrganisationId == found.OrganisationId)
                .Select(c => (Guid?)c.SubjectId).FirstOrDefaultAsync(ct);
            if (contactSubjectId is null)
            {
                return Outcome.Invalid("contactPersonId", "No such contact person of the customer organisation.");
            }
        }

        if (RelationshipRules.Apply(service.Status, request.Kind!.Value) is not { } next)
        {
            return Outcome.Conflict("kind", $"A service that is {service.Status} cannot be {request.Kind}.");
        }

        VersionedUpdate.AsOf(db, service, request.Version!.Value);
        service.Status = next;
        var (_, userId) = AuditLog.Actor(http.HttpContext?.User);
        var serviceEvent = new ServiceEvent
        {
            Id = Guid.CreateVersion7(),
            ServiceId = serviceId,
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
        audit.Add(new AuditEntry("service.event", Purposes.CustomerRelationship, found.SubjectId, "ordered_service", serviceId.ToString(), fields));
        if (contactSubjectId is not null)
        {
            audit.Add(new AuditEntry("service.event", Purposes.CustomerRelationship, contactSubjectId, "service_event",
                serviceEvent.Id.ToString(), ["contact_person_id"]));
        }

        await db.SaveChangesAsync(ct);
        return service.ToResponse(await RelationshipQueries.EventsOfAsync(db, serviceId, ct));
    }
}
