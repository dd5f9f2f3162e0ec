using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Identity;

public sealed record CreateApiClientRequest(string? Name, string[]? Permissions);

public sealed record ApiClientResponse(Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record CreatedApiClientResponse(ApiClientResponse Client, string ApiKey);

/// <summary>Integration clients and their keys. The key is returned once, at creation; only its hash is kept.</summary>
public static class ApiClientsApi
{
    public static IEndpointRouteBuilder MapApiClients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/clients").WithTags("API clients").RequirePermission(Permissions.UsersManage);
        group.MapGet("/", async (RegisterDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiClients.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(ToResponse).ToList()));
        group.MapPost("/", CreateAsync);
        group.MapPost("/{id:guid}/revoke", RevokeAsync);
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
            EntityId: client.Id.ToString(), Fields: ["name", "permissions"]));
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
            EntityId: client.Id.ToString(), Fields: ["revoked_at"]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(client));
    }

    private static ApiClientResponse ToResponse(ApiClient c) =>
        new(c.Id, c.Name, c.KeyPrefix, c.PermissionList, c.CreatedAt, c.RevokedAt);
}
