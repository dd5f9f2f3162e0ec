using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Recordings;

/// <summary>
/// The controller's production units and how long each keeps its CCTV footage: listed and read, created, and
/// replaced as of the version read (a shorter period deletes footage sooner).
/// </summary>
public sealed class ProductionUnits(RegisterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<ProductionUnit>> ListAsync(CancellationToken ct) =>
        await db.Set<ProductionUnit>().AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);

    public async Task<Outcome<ProductionUnit>> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<ProductionUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit ? unit : Outcome.Missing;

    public async Task<Outcome<ProductionUnit>> CreateAsync(ProductionUnitRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, address) = Read(request, errors);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
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
        return unit;
    }

    public async Task<Outcome<ProductionUnit>> UpdateAsync(Guid id, ProductionUnitRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, address) = Read(request, errors);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var unit = await db.Set<ProductionUnit>().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, unit, request.Version!.Value, u =>
        {
            u.Name = name!;
            u.Address = address;
            u.CctvRetentionMonths = request.CctvRetentionMonths!.Value;
        });
        audit.Add(new AuditEntry("production_unit.update", Purposes.Administration, null, "production_unit", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return unit;
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
}
