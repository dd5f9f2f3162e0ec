using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

public sealed record CreateApiClientRequest(string? Name, string[]? Permissions);

public sealed record ApiClientResponse(
    Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime? RevokedAt,
    bool Pending, DateTime? ApprovedAt, Guid? ApprovedBy);

public sealed record CreatedApiClientResponse(ApiClientResponse Client, string ApiKey);

/// <summary>
/// Integration clients and their keys. The key is returned once, at creation; only its hash is kept. A key that carries
/// more than <see cref="Permissions.Integration"/> is created pending and signs in only after a DPO other than its
/// creator approves it.
/// </summary>
public static class ApiClientsApi
{
    public static IEndpointRouteBuilder MapApiClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients").WithTags("API clients").RequirePermission(Permissions.UsersManage);
        group.MapGet("/", async (RegisterDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiClients.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(ToResponse).ToList()));
        group.MapPost("/", CreateAsync);
        group.MapPost("/{id:guid}/revoke", RevokeAsync);
        app.MapPost("/api/clients/{id:guid}/approve", ApproveAsync).WithTags("API clients").RequirePermission(Permissions.ApiClientApprove)
            .WithSummary("Approve a pending key (one beyond the integration permissions); never the approver's own.");
        return app;
    }

    private static async Task<Results<Created<CreatedApiClientResponse>, ValidationProblem>> CreateAsync(
        CreateApiClientRequest request, RegisterDbContext db, AuditLog audit, ClaimsPrincipal me, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("name", request.Name, 200);
        if (request.Permissions is not { Length: > 0 })
        {
            errors.Add("permissions", "At least one permission is required.");
        }
        else if (request.Permissions.Where(p => !Permissions.IsKnown(p)).ToList() is { Count: > 0 } unknown)
        {
            errors.Add("permissions", $"Unknown permission(s): {string.Join(", ", unknown)}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            KeyPrefix = prefix,
            KeyHash = hash,
            Permissions = string.Join(' ', request.Permissions!.Distinct()),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = AuditLog.Actor(me).Id ?? Guid.Empty,
        };
        db.ApiClients.Add(client);
        audit.Add(new AuditEntry("client.create", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: ["name", "permissions"], Grants: client.PermissionList));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/clients/{client.Id}", new CreatedApiClientResponse(ToResponse(client), key));
    }

    private static async Task<Results<Ok<ApiClientResponse>, NotFound>> RevokeAsync(
        Guid id, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        client.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        audit.Add(new AuditEntry("client.revoke", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: ["revoked_at"], Grants: client.PermissionList.Select(p => "-" + p)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(client));
    }

    private static async Task<Results<Ok<ApiClientResponse>, NotFound, ProblemHttpResult>> ApproveAsync(
        Guid id, RegisterDbContext db, AuditLog audit, ClaimsPrincipal me, TimeProvider clock, CancellationToken ct)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        var approver = AuditLog.Actor(me).Id;
        if (approver is null || approver == client.CreatedBy)
        {
            await audit.WriteAsync(new AuditEntry("client.approve", Purposes.Administration, EntityType: "api_client",
                EntityId: client.Id.ToString(), Outcome: "denied"), ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Approval by a second person",
                detail: "A key is approved by a data protection officer other than the one who created it.",
                type: "urn:customer-register:self-approval");
        }

        if (client.RevokedAt is not null || !client.IsPending)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to approve",
                detail: client.RevokedAt is not null ? "The key is revoked." : "The key is approved or needs no approval.");
        }

        client.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        client.ApprovedBy = approver;
        audit.Add(new AuditEntry("client.approve", Purposes.Administration, EntityType: "api_client",
            EntityId: client.Id.ToString(), Fields: ["approved_at"], Grants: client.PermissionList));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(client));
    }

    private static ApiClientResponse ToResponse(ApiClient c) =>
        new(c.Id, c.Name, c.KeyPrefix, c.PermissionList, c.CreatedAt, c.RevokedAt, c.IsPending, c.ApprovedAt, c.ApprovedBy);
}
