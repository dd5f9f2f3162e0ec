using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Records a suspension, resumption or cancellation of a service and who reported it (the customer, a named contact
/// person of the organisation, or staff); the service's status follows <see cref="RelationshipRules"/>.
/// </summary>
public sealed class RecordServiceEvent(RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly LocalText ContactPersonRequired = new(
        "Pakollinen tieto silloin ja vain silloin, kun ilmoittaja on yhteyshenkilö (ContactPerson).",
        "Obligatorisk uppgift när och endast när anmälaren är en kontaktperson (ContactPerson).",
        "Required exactly when reportedBy is ContactPerson.");

    private static readonly LocalText VersionRequired = new(
        "Pakollinen tieto: lukemasi palvelun version numero.",
        "Obligatorisk uppgift: tjänstens version som du läste.",
        "Required: the service's version you read.");

    private static readonly LocalText NoSuchContactPerson = new(
        "Asiakasorganisaatiolla ei ole tällaista yhteyshenkilöä.",
        "Kundorganisationen har ingen sådan kontaktperson.",
        "No such contact person of the customer organisation.");

    private static readonly LocalText NotInThisStatus = new(
        "Tätä tapahtumaa ei voi kirjata palvelulle sen nykyisessä tilassa.",
        "Den här händelsen kan inte registreras för tjänsten i dess nuvarande status.",
        "A service that is {0} cannot be {1}.");

    public async Task<Outcome<ServiceResponse>> RunAsync(Guid serviceId, ServiceEventRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, RelationshipRules.MaxReasonLength);
        var today = HelsinkiTime.Today(clock);
        Choice.Required(errors, "kind", request.Kind);
        Choice.Required(errors, "reportedBy", request.ReportedBy);
        if (request.ReportedBy is not null && (request.ReportedBy == ReportedBy.ContactPerson) != (request.ContactPersonId is not null))
        {
            errors.Add("contactPersonId", ContactPersonRequired);
        }

        if (request.Version is null)
        {
            errors.Add("version", VersionRequired);
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
                return Outcome.Invalid("contactPersonId", NoSuchContactPerson);
            }
        }

        if (RelationshipRules.Apply(service.Status, request.Kind!.Value) is not { } next)
        {
            return Outcome.Conflict("kind", NotInThisStatus.Format(service.Status, request.Kind));
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
