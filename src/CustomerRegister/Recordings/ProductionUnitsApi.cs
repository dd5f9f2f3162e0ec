using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Recordings;

public sealed record ProductionUnitRequest(string? Name, string? Address, int? CctvRetentionMonths, long? Version);

public sealed record ProductionUnitResponse(Guid Id, string Name, string? Address, int CctvRetentionMonths, long Version);

/// <summary>
/// The controller's production units and how long each keeps its CCTV footage. Created by those who run retention,
/// changed (a shorter period deletes footage sooner) only by the DPO; read by those who may read recordings.
/// </summary>
public static class ProductionUnitsApi
{
    public static IEndpointRouteBuilder MapProductionUnits(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/production-units").WithTags("Recordings").RequirePermission(Permissions.RecordingRead);
        read.MapGet("/", async (RegisterDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Set<ProductionUnit>().AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct)).Select(ToResponse).ToList()));
        read.MapGet("/{id:guid}", GetAsync);

        var manage = app.MapGroup("/api/production-units").WithTags("Recordings").RequirePermission(Permissions.RetentionRun);
        manage.MapPost("/", CreateAsync).WithSummary($"cctvRetentionMonths 1 to {RecordingRules.MaxCctvMonths} (notice § 6).");
        app.MapPut("/api/production-units/{id:guid}", UpdateAsync).WithTags("Recordings").RequirePermission(Permissions.RecordingConfigure)
            .WithSummary("Replace the unit's name, address and CCTV period (the DPO only); send the version you read.");
        return app;
    }

    private static async Task<Results<Ok<ProductionUnitResponse>, NotFound>> GetAsync(Guid id, RegisterDbContext db, CancellationToken ct) =>
        await db.Set<ProductionUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
            ? TypedResults.Ok(ToResponse(unit))
            : TypedResults.NotFound();

    private static async Task<Results<Created<ProductionUnitResponse>, ValidationProblem>> CreateAsync(
        ProductionUnitRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, address) = Read(request, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var unit = new ProductionUnit
        {
            Id = Guid.CreateVersion7(),
            Name = name!,
            Address = address,
            CctvRetentionMonths = request.CctvRetentionMonths!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(unit);
        audit.Add(new AuditEntry("production_unit.create", Purposes.Administration, null, "production_unit", unit.Id.ToString(),
            ["name", "address", "cctv_retention_months"]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/production-units/{unit.Id}", ToResponse(unit));
    }

    private static async Task<Results<Ok<ProductionUnitResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, ProductionUnitRequest request, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, address) = Read(request, errors);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var unit = await db.Set<ProductionUnit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var changed = VersionedUpdate.Apply(db, unit, request.Version!.Value, u =>
        {
            u.Name = name!;
            u.Address = address;
            u.CctvRetentionMonths = request.CctvRetentionMonths!.Value;
        });
        audit.Add(new AuditEntry("production_unit.update", Purposes.Administration, null, "production_unit", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(unit));
    }

    private static (string? Name, string? Address) Read(ProductionUnitRequest request, FieldErrors errors)
    {
        var name = errors.Text("name", request.Name, 200, required: true);
        var address = errors.Text("address", request.Address, 300);
        if (RecordingRules.CctvMonthsError(request.CctvRetentionMonths) is { } why)
        {
            errors.Add("cctvRetentionMonths", why);
        }

        return (name, address);
    }

    private static ProductionUnitResponse ToResponse(ProductionUnit u) => new(u.Id, u.Name, u.Address, u.CctvRetentionMonths, u.Version);
}
