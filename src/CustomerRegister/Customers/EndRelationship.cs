using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>
/// Ends the cooperation (default today): records the end date, from which the customer-profile retention counts, ends
/// the open contracts and cancels the open services, so nothing stays contracted or ordered after it.
/// </summary>
public sealed class EndRelationship(RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly LocalText AlreadyEnded = new(
        "Asiakkuus on jo päättynyt; korjaa päättymispäivä muokkaamalla asiakkuutta.",
        "Kundrelationen har redan avslutats; rätta slutdatumet genom att redigera kundrelationen.",
        "The relationship has already ended; correct its end date with PUT.");

    public async Task<Outcome<CustomerRelationship>> RunAsync(Guid id, EndRelationshipRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequiredVersion(request.Version);
        var today = HelsinkiTime.Today(clock);
        var end = request.EndDate ?? today;
        if (end > today)
        {
            errors.Add("endDate", FieldMessages.NotInFuture);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return Outcome.Missing;
        }

        if (relationship.Status == RelationshipStatus.Ended)
        {
            return Outcome.Conflict("status", AlreadyEnded);
        }

        if (RelationshipRules.PeriodError(relationship.StartDate, end) is { } periodError)
        {
            return Outcome.Invalid("endDate", periodError);
        }

        VersionedUpdate.AsOf(db, relationship, request.Version!.Value);
        relationship.EndDate = end;
        relationship.Status = RelationshipStatus.Ended;
        audit.Add(new AuditEntry("relationship.end", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), ["end_date", "status"]));
        await EndContractsAsync(relationship, end, ct);
        await CancelServicesAsync(relationship, end, ct);
        await db.SaveChangesAsync(ct);
        return relationship;
    }

    private async Task EndContractsAsync(CustomerRelationship relationship, DateOnly end, CancellationToken ct)
    {
        var contracts = await db.Set<Contract>()
            .Where(c => c.RelationshipId == relationship.Id && (c.Status != ContractStatus.Ended || c.EndDate == null)).ToListAsync(ct);
        foreach (var contract in contracts)
        {
            contract.Status = ContractStatus.Ended;
            contract.EndDate = contract.EndDate is { } e && e < end ? e : end < contract.StartDate ? contract.StartDate : end;
            audit.Add(new AuditEntry("contract.end", Purposes.CustomerRelationship, relationship.SubjectId, "contract",
                contract.Id.ToString(), ["end_date", "status"]));
        }
    }

    private async Task CancelServicesAsync(CustomerRelationship relationship, DateOnly end, CancellationToken ct)
    {
        var services = await db.Set<OrderedService>()
            .Where(s => s.RelationshipId == relationship.Id && s.Status != ServiceStatus.Cancelled).ToListAsync(ct);
        var (_, userId) = AuditLog.Actor(http.HttpContext?.User);
        foreach (var service in services)
        {
            service.Status = ServiceStatus.Cancelled;
            db.Add(new ServiceEvent
            {
                Id = Guid.CreateVersion7(),
                ServiceId = service.Id,
                Kind = ServiceEventKind.Cancelled,
                Date = end,
                Reason = "The customer relationship ended.",
                ReportedBy = ReportedBy.Staff,
                RecordedByUserId = userId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Add(new AuditEntry("service.cancel", Purposes.CustomerRelationship, relationship.SubjectId, "ordered_service",
                service.Id.ToString(), ["status", "service_events"]));
        }
    }
}
