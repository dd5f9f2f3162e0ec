using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Customers;

/// <summary>Customer relationships, their contracts, ordered services and the services' suspensions and cancellations.</summary>
public static class RelationshipsEndpoints
{
    public static IEndpointRouteBuilder MapRelationships(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/relationships", async (Guid? subjectId, Guid? organisationId, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.ListAsync(subjectId, organisationId, ct)).ToOk(rows => rows.Select(r => r.ToResponse()).ToList()))
            .WithName("ListRelationships")
            .WithSummary("The relationships of one customer: ?subjectId= (a consumer or sole trader) or ?organisationId=.");
        read.MapGet("/relationships/{id:guid}", async (Guid id, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.GetAsync(id, ct)).ToOk(r => r.ToResponse()))
            .WithName("GetRelationship").WithSummary("One customer relationship.");
        read.MapGet("/relationships/{id:guid}/contracts", async (Guid id, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.ContractsAsync(id, ct)).ToOk(rows => rows.Select(c => c.ToResponse()).ToList()))
            .WithName("ListRelationshipContracts").WithSummary("The relationship's contracts by start date.");
        read.MapGet("/relationships/{id:guid}/services", async (Guid id, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.ServicesAsync(id, ct)).ToOk())
            .WithName("ListRelationshipServices").WithSummary("The relationship's ordered services with their events.");
        read.MapGet("/contracts/{id:guid}", async (Guid id, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.GetContractAsync(id, ct)).ToOk(c => c.ToResponse()))
            .WithName("GetContract").WithSummary("One contract.");
        read.MapGet("/services/{id:guid}", async (Guid id, RelationshipQueries relationships, CancellationToken ct) =>
                (await relationships.GetServiceAsync(id, ct)).ToOk())
            .WithName("GetService").WithSummary("An ordered service with its suspensions and cancellations.");

        var write = app.MapGroup("/api").WithTags("Relationships").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/relationships", async (RelationshipRequest request, CreateRelationship create, CancellationToken ct) =>
                (await create.RunAsync(request, ct)).ToCreated(r => $"/api/relationships/{r.Id}", r => r.ToResponse()))
            .WithName("CreateRelationship").WithSummary("A duplicate customer number answers 409.");
        write.MapPut("/relationships/{id:guid}", async (Guid id, RelationshipRequest request, UpdateRelationship update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(r => r.ToResponse()))
            .WithName("UpdateRelationship").WithSummary("Replace number, dates and status; send the version you read.");
        write.MapPost("/relationships/{id:guid}/end", async (Guid id, EndRelationshipRequest request, EndRelationship end, CancellationToken ct) =>
                (await end.RunAsync(id, request, ct)).ToOk(r => r.ToResponse()))
            .WithName("EndRelationship")
            .WithSummary("End the cooperation (default today): records the end date, ends open contracts and cancels open services.");
        write.MapPost("/relationships/{id:guid}/contracts", async (Guid id, ContractRequest request, CreateContract create, CancellationToken ct) =>
                (await create.RunAsync(id, request, ct)).ToCreated(c => $"/api/contracts/{c.Id}", c => c.ToResponse()))
            .WithName("CreateContract").WithSummary("A duplicate contract number answers 409.");
        write.MapPut("/contracts/{id:guid}", async (Guid id, ContractRequest request, UpdateContract update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(c => c.ToResponse()))
            .WithName("UpdateContract").WithSummary("Replace number, title, dates and status; send the version you read.");
        write.MapPost("/relationships/{id:guid}/services", async (Guid id, ServiceRequest request, OrderService order, CancellationToken ct) =>
                (await order.RunAsync(id, request, ct)).ToCreated(s => $"/api/services/{s.Id}", s => s))
            .WithName("CreateService").WithSummary("Record a service the customer ordered (default today).");
        write.MapPut("/services/{id:guid}", async (Guid id, ServiceRequest request, UpdateService update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk())
            .WithName("UpdateService").WithSummary("Name, order date and contract; the status changes through events.");
        write.MapPost("/services/{id:guid}/events", async (Guid id, ServiceEventRequest request, RecordServiceEvent record, CancellationToken ct) =>
                (await record.RunAsync(id, request, ct)).ToCreated(s => $"/api/services/{s.Id}", s => s))
            .WithName("AddServiceEvent")
            .WithSummary("Record a suspension, resumption or cancellation and who reported it; send the service's version.");
        return app;
    }
}
