using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Identity;

public sealed record CreateApiClientRequest(string? Name, string[]? Permissions, Guid? RecipientId = null);

public sealed record ApiClientResponse(
    Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime? RevokedAt,
    bool Pending, DateTime? ApprovedAt, Guid? ApprovedBy, Guid? RecipientId);

public sealed record CreatedApiClientResponse(ApiClientResponse Client, string ApiKey);

/// <summary>Integration clients and their keys (<see cref="ApiClientAdministration"/>): the key is returned once, at creation.</summary>
public static class ApiClientsApi
{
    public static IEndpointRouteBuilder MapApiClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients").WithTags("API clients").RequirePermission(Permissions.UsersManage);
        group.MapGet("/", async (ApiClientAdministration clients, CancellationToken ct) =>
                TypedResults.Ok((await clients.ListAsync(ct)).Select(ToResponse).ToList()))
            .WithName("ListApiClients").WithSummary("Every integration client with its key prefix, permissions and state.");
        group.MapPost("/", CreateAsync).WithName("CreateApiClient")
            .WithSummary("Create a client and its key (returned this once); a key beyond the integration permissions is pending until approved; a group company's key names its recipient (recipientId).");
        group.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeApiClient")
            .WithSummary("Revoke a client's key: it stops signing in at once.");
        app.MapGet("/api/clients/pending", async (ApiClientAdministration clients, CancellationToken ct) =>
                TypedResults.Ok((await clients.PendingAsync(ct)).Select(ToResponse).ToList()))
            .WithTags("API clients").RequirePermission(Permissions.ApiClientApprove)
            .WithName("ListPendingApiClients").WithSummary("The keys waiting for the DPO's approval, oldest first.");
        app.MapPost("/api/clients/{id:guid}/approve", ApproveAsync).WithTags("API clients").RequirePermission(Permissions.ApiClientApprove)
            .WithName("ApproveApiClient").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve a pending key (one beyond the integration permissions); never the approver's own.");
        return app;
    }

    private static async Task<Results<Created<CreatedApiClientResponse>, ValidationProblem>> CreateAsync(
        CreateApiClientRequest request, ApiClientAdministration clients, ClaimsPrincipal me, CancellationToken ct)
    {
        var outcome = await clients.CreateAsync(new NewApiClient(request.Name, request.Permissions, request.RecipientId), AuditLog.Actor(me).Id, ct);
        return outcome.Value is { } created
            ? TypedResults.Created($"/api/clients/{created.Client.Id}", new CreatedApiClientResponse(ToResponse(created.Client), created.ApiKey))
            : outcome.Errors!.Problem();
    }

    private static async Task<Results<Ok<ApiClientResponse>, NotFound>> RevokeAsync(Guid id, ApiClientAdministration clients, CancellationToken ct) =>
        (await clients.RevokeAsync(id, ct)).Value is { } client ? TypedResults.Ok(ToResponse(client)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ApiClientResponse>, NotFound, ProblemHttpResult>> ApproveAsync(
        Guid id, ApiClientAdministration clients, ClaimsPrincipal me, CancellationToken ct)
    {
        Outcome<ApiClient> outcome;
        try
        {
            outcome = await clients.ApproveAsync(id, AuditLog.Actor(me).Id, ct);
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Approval by a second person",
                detail: e.Message, type: "urn:customer-register:self-approval");
        }

        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Conflict: { } conflict } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to approve",
                detail: conflict.Message.En),
            _ => TypedResults.Ok(ToResponse(outcome.Value!)),
        };
    }

    public static ApiClientResponse ToResponse(ApiClient c) =>
        new(c.Id, c.Name, c.KeyPrefix, c.PermissionList, c.CreatedAt, c.RevokedAt, c.IsPending, c.ApprovedAt, c.ApprovedBy, c.RecipientId);
}
