using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Customer relationships, their contracts, ordered services and the services' suspensions and cancellations.</summary>
public static class RelationshipsApi
{
    private static readonly string[] RelationshipFields = [Categories.CustomerRelationship.Id];
    private static readonly string[] ServiceFields = [Categories.OrderedServices.Id];

    public static IEndpointRouteBuilder MapRelationships(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/relationships", ListAsync).WithSummary("The relationships of one customer: ?subjectId= (a consumer or sole trader) or ?organisationId=.");
        read.MapGet("/relationships/{id:guid}", GetAsync);
        read.MapGet("/relationships/{id:guid}/contracts", ContractsAsync);
        read.MapGet("/relationships/{id:guid}/services", ServicesAsync);
        read.MapGet("/contracts/{id:guid}", GetContractAsync);
        read.MapGet("/services/{id:guid}", GetServiceAsync).WithSummary("An ordered service with its suspensions and cancellations.");

        var write = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/relationships", CreateAsync).WithSummary("A duplicate customer number answers 409.");
        write.MapPut("/relationships/{id:guid}", UpdateAsync).WithSummary("Replace number, dates and status; send the version you read.");
        write.MapPost("/relationships/{id:guid}/end", EndAsync)
            .WithSummary("End the cooperation (default today): records the end date, ends open contracts and cancels open services.");
        write.MapPost("/relationships/{id:guid}/contracts", CreateContractAsync).WithSummary("A duplicate contract number answers 409.");
        write.MapPut("/contracts/{id:guid}", UpdateContractAsync);
        write.MapPost("/relationships/{id:guid}/services", CreateServiceAsync);
        write.MapPut("/services/{id:guid}", UpdateServiceAsync).WithSummary("Name, order date and contract; the status changes through events.");
        write.MapPost("/services/{id:guid}/events", AddEventAsync)
            .WithSummary("Record a suspension, resumption or cancellation and who reported it; send the service's version.");
        return app;
    }

    private static async Task<Results<Ok<List<RelationshipResponse>>, ValidationProblem>> ListAsync(
        Guid? subjectId, Guid? organisationId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if ((subjectId is null) == (organisationId is null))
        {
            return new FieldErrors().Add("subjectId", "Give exactly one of subjectId and organisationId.").Problem();
        }

        var query = db.Set<CustomerRelationship>().AsNoTracking();
        query = subjectId is { } s ? query.Where(r => r.SubjectId == s) : query.Where(r => r.OrganisationId == organisationId);
        var rows = await query.OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var r in rows)
        {
            audit.Add(new AuditEntry("relationship.read", Purposes.CustomerRelationship, r.SubjectId, "customer_relationship",
                r.Id.ToString(), RelationshipFields));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound>> GetAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("relationship.read", Purposes.CustomerRelationship, relationship.SubjectId,
            "customer_relationship", id.ToString(), RelationshipFields), ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static async Task<Results<Created<RelationshipResponse>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        RelationshipRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        if (request.Source is null)
        {
            errors.Add("source", $"Required: one of {string.Join(", ", Enum.GetNames<DataSource>())}.");
        }

        if ((request.SubjectId is null) == (request.OrganisationId is null))
        {
            errors.Add("subjectId", "Give exactly one of subjectId (a consumer) and organisationId.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = new CustomerRelationship { Id = Guid.CreateVersion7(), Source = request.Source!.Value, OrganisationId = request.OrganisationId };
        var customer = await CustomerOfAsync(db, request.SubjectId, request.OrganisationId, ct);
        if (customer is null)
        {
            return request.OrganisationId is null
                ? errors.Add("subjectId", "No consumer has this subject key; for a business give organisationId.").Problem()
                : errors.Add("organisationId", "No such organisation.").Problem();
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number, ct))
        {
            return Duplicate("customerNumber", "Another relationship already has this customer number.");
        }

        relationship.SubjectId = customer.SubjectId;
        input.ApplyTo(relationship);
        db.Add(relationship);
        CodeIndex.Add(db, customer, input.Number);
        audit.Add(new AuditEntry("relationship.create", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            relationship.Id.ToString(), Access.SetFields(db.Entry(relationship))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/relationships/{relationship.Id}", relationship.ToResponse());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> UpdateAsync(
        Guid id, RelationshipRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = RelationshipInput.Read(request, errors, HelsinkiTime.Today(clock));
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (request.SubjectId is { } s && s != relationship.SubjectId)
        {
            errors.Add("subjectId", "The customer of a relationship cannot be changed.");
        }

        if (request.OrganisationId is { } o && o != relationship.OrganisationId)
        {
            errors.Add("organisationId", "The customer of a relationship cannot be changed.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (await db.Set<CustomerRelationship>().AnyAsync(r => r.CustomerNumber == input.Number && r.Id != id, ct))
        {
            return Duplicate("customerNumber", "Another relationship already has this customer number.");
        }

        var entry = db.Entry(relationship);
        entry.Property(r => r.Version).OriginalValue = request.Version!.Value;
        var customer = await CustomerOfAsync(db, relationship.SubjectId, relationship.OrganisationId, ct);

        // An organisation made a sole trader after the relationship began now has a subject: follow it.
        relationship.SubjectId = customer?.SubjectId ?? relationship.SubjectId;
        if (customer is not null && relationship.CustomerNumber != input.Number)
        {
            await CodeIndex.ReplaceAsync(db, customer, relationship.CustomerNumber, input.Number, ct);
        }

        input.ApplyTo(relationship);
        if (request.Source is { } source)
        {
            relationship.Source = source;
        }

        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("relationship.update", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), Access.ChangedFields(entry).ToList()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static async Task<Results<Ok<RelationshipResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> EndAsync(
        Guid id, EndRelationshipRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Required: the version you read.");
        }

        var today = HelsinkiTime.Today(clock);
        var end = request.EndDate ?? today;
        if (end > today)
        {
            errors.Add("endDate", "Cannot be in the future.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var relationship = await db.Set<CustomerRelationship>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        if (relationship.Status == RelationshipStatus.Ended)
        {
            return Duplicate("status", "The relationship has already ended; correct its end date with PUT.");
        }

        if (RelationshipRules.PeriodError(relationship.StartDate, end) is { } periodError)
        {
            return errors.Add("endDate", periodError).Problem();
        }

        db.Entry(relationship).Property(r => r.Version).OriginalValue = request.Version!.Value;
        relationship.EndDate = end;
        relationship.Status = RelationshipStatus.Ended;
        audit.Add(new AuditEntry("relationship.end", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), ["end_date", "status"]));

        // Nothing stays contracted or ordered after the cooperation ends.
        var contracts = await db.Set<Contract>()
            .Where(c => c.RelationshipId == id && (c.Status != ContractStatus.Ended || c.EndDate == null)).ToListAsync(ct);
        foreach (var contract in contracts)
        {
            contract.Status = ContractStatus.Ended;
            contract.EndDate = contract.EndDate is { } e && e < end ? e : end < contract.StartDate ? contract.StartDate : end;
            audit.Add(new AuditEntry("contract.end", Purposes.CustomerRelationship, relationship.SubjectId, "contract",
                contract.Id.ToString(), ["end_date", "status"]));
        }

        var services = await db.Set<OrderedService>()
            .Where(s => s.RelationshipId == id && s.Status != ServiceStatus.Cancelled).ToListAsync(ct);
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

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(relationship.ToResponse());
    }

    private static async Task<Results<Ok<List<ContractResponse>>, NotFound>> ContractsAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
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
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var found = await (from c in db.Set<Contract>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on c.RelationshipId equals r.Id
                           where c.Id == id
                           select new { Contract = c, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null)
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

    private static async Task<Results<Ok<List<ServiceResponse>>, NotFound>> ServicesAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var relationship = await db.Set<CustomerRelationship>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (relationship is null)
        {
            return TypedResults.NotFound();
        }

        var services = await LoadServicesAsync(db, [id], ct);
        await audit.WriteAsync(new AuditEntry("service.list", Purposes.CustomerRelationship, relationship.SubjectId, "customer_relationship",
            id.ToString(), ServiceFields), ct);
        return TypedResults.Ok(services);
    }

    private static async Task<Results<Ok<ServiceResponse>, NotFound>> GetServiceAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var found = await (from s in db.Set<OrderedService>().AsNoTracking()
                           join r in db.Set<CustomerRelationship>() on s.RelationshipId equals r.Id
                           where s.Id == id
                           select new { Service = s, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (found is null)
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

    private static Task<Guid?> SubjectOfAsync(RegisterDbContext db, Guid relationshipId, CancellationToken ct) =>
        db.Set<CustomerRelationship>().Where(r => r.Id == relationshipId).Select(r => r.SubjectId).FirstOrDefaultAsync(ct);

    /// <summary>The search target of a customer: the consumer row, or the organisation; and its current subject.</summary>
    private static async Task<CustomerTarget?> CustomerOfAsync(RegisterDbContext db, Guid? subjectId, Guid? organisationId,
        CancellationToken ct)
    {
        if (organisationId is { } o)
        {
            return await db.Set<Organisation>().Where(x => x.Id == o)
                .Select(x => new CustomerTarget(SearchTarget.Organisation, x.Id, x.SubjectId)).FirstOrDefaultAsync(ct);
        }

        return await db.Set<Consumer>().Where(c => c.SubjectId == subjectId)
            .Select(c => new CustomerTarget(SearchTarget.Consumer, c.Id, c.SubjectId)).FirstOrDefaultAsync(ct);
    }

    internal static Conflict<HttpValidationProblemDetails> Duplicate(string field, string message) =>
        TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
        });
}

internal sealed record CustomerTarget(SearchTarget Kind, Guid Id, Guid? SubjectId);

/// <summary>
/// Customer and contract numbers as search terms on the customer's own consumer or organisation entry. Only these
/// entries are touched: the customer's name, phone and email terms belong to the consumer and organisation features.
/// </summary>
internal static class CodeIndex
{
    public static void Add(RegisterDbContext db, CustomerTarget customer, string number) =>
        db.Add(new SearchEntry
        {
            Term = SearchText.Code(number),
            Field = SearchIndex.CustomerNumberField,
            TargetKind = customer.Kind,
            TargetId = customer.Id,
            SubjectId = customer.SubjectId,
        });

    public static async Task ReplaceAsync(RegisterDbContext db, CustomerTarget customer, string old, string number, CancellationToken ct)
    {
        var term = SearchText.Code(old);
        var stale = await db.Set<SearchEntry>()
            .FirstOrDefaultAsync(e => e.TargetId == customer.Id && e.Field == SearchIndex.CustomerNumberField && e.Term == term, ct);
        if (stale is not null)
        {
            db.Remove(stale);
        }

        Add(db, customer, number);
    }
}

internal sealed record RelationshipInput(string Number, DateOnly StartDate, DateOnly? EndDate, RelationshipStatus Status)
{
    public static RelationshipInput Read(RelationshipRequest r, FieldErrors errors, DateOnly today)
    {
        if (!RelationshipRules.TryNormaliseNumber(r.CustomerNumber, out var number, out var numberError))
        {
            errors.Add("customerNumber", numberError!);
        }

        if (r.StartDate is null)
        {
            errors.Add("startDate", "Required.");
        }
        else if (RelationshipRules.PeriodError(r.StartDate.Value, r.EndDate) is { } periodError)
        {
            errors.Add("endDate", periodError);
        }

        var status = r.Status ?? (r.EndDate is null ? RelationshipStatus.Active : RelationshipStatus.Ended);
        if (RelationshipRules.EndError(status, r.EndDate, today) is { } endError)
        {
            errors.Add(endError.Field, endError.Message);
        }

        return new(number, r.StartDate ?? default, r.EndDate, status);
    }

    public void ApplyTo(CustomerRelationship r)
    {
        r.CustomerNumber = Number;
        r.StartDate = StartDate;
        r.EndDate = EndDate;
        r.Status = Status;
    }
}

internal sealed record ContractInput(string Number, string Title, DateOnly StartDate, DateOnly? EndDate, ContractStatus Status)
{
    public static ContractInput Read(ContractRequest r, FieldErrors errors)
    {
        if (!RelationshipRules.TryNormaliseNumber(r.ContractNumber, out var number, out var numberError))
        {
            errors.Add("contractNumber", numberError!);
        }

        var title = errors.Text("title", r.Title, 200, required: true) ?? "";
        if (r.StartDate is null)
        {
            errors.Add("startDate", "Required.");
        }
        else if (RelationshipRules.PeriodError(r.StartDate.Value, r.EndDate) is { } periodError)
        {
            errors.Add("endDate", periodError);
        }

        var status = r.Status ?? ContractStatus.Active;
        if (RelationshipRules.ContractEndError(status, r.EndDate) is { } endError)
        {
            errors.Add(endError.Field, endError.Message);
        }

        return new(number, title, r.StartDate ?? default, r.EndDate, status);
    }

    public void ApplyTo(Contract c)
    {
        c.ContractNumber = Number;
        c.Title = Title;
        c.StartDate = StartDate;
        c.EndDate = EndDate;
        c.Status = Status;
    }
}
