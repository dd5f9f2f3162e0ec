using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Retention;

public sealed record HoldRequest(Guid? SubjectId, string? Table, Guid? RowId, string? Reason);

public sealed record ReleaseRequest(string? Reason);

public sealed record HoldResponse(Guid Id, Guid? SubjectId, string? Table, Guid? RowId, string Reason, DateTime SetAt, Guid? SetBy,
    DateTime? ReleasedAt, Guid? ReleasedBy, string? ReleaseReason);

/// <summary>Legal holds: a person or one item held back from the sweep, with the reason; released by the DPO with the reason.</summary>
public sealed class LegalHolds(RegisterDbContext db, AuditLog audit, TimeProvider clock, ForecastCache forecasts)
{
    private static readonly LocalText PersonOrItem = new(
        "Joko henkilö (subjectId) tai taulu ja rivi (table ja rowId, yksi tieto).",
        "Antingen person (subjectId) eller tabell och rad (table och rowId, en uppgift).",
        "Either subjectId (a person) or table and rowId (one item).");

    private static readonly LocalText TableAndRow = new(
        "Yksittäinen tieto nimetään sekä taululla että rivillä (table ja rowId).",
        "En enskild uppgift anges med både tabell och rad (table och rowId).",
        "An item is named by both table and rowId.");

    private static readonly LocalText NoSuchTable = new(
        "Taulua ei löydy.",
        "Tabellen finns inte.",
        "No such table.");

    public async Task<Outcome<HoldResponse>> SetAsync(HoldRequest request, ClaimsPrincipal? user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, 1000, required: true);
        var item = request.Table is not null || request.RowId is not null;
        if (request.SubjectId is null == !item)
        {
            errors.Add("subjectId", PersonOrItem);
        }

        if (item && (request.Table is null || request.RowId is null))
        {
            errors.Add(request.Table is null ? "table" : "rowId", TableAndRow);
        }

        if (request.SubjectId is { } s && !await db.Set<Subjects.Subject>().AnyAsync(x => x.Id == s, ct))
        {
            errors.Add("subjectId", FieldMessages.NoSuchSubject);
        }

        if (request.Table is { } t && db.Model.GetEntityTypes().All(e => e.GetTableName() != t))
        {
            errors.Add("table", NoSuchTable);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var hold = new LegalHold
        {
            Id = Guid.CreateVersion7(),
            SubjectId = request.SubjectId,
            TableName = request.Table,
            RowId = request.RowId,
            Reason = reason!,
            SetAt = clock.GetUtcNow().UtcDateTime,
            SetBy = AuditLog.Actor(user).Id,
        };
        db.Add(hold);
        audit.Add(new AuditEntry("legal_hold.set", Purposes.LegalObligation, hold.SubjectId, "legal_hold", hold.Id.ToString(),
            [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        forecasts.Invalidate();
        return ToResponse(hold);
    }

    public async Task<Outcome<HoldResponse>> ReleaseAsync(Guid id, ReleaseRequest request, ClaimsPrincipal? user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, 1000, required: true);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var hold = await db.Set<LegalHold>().FirstOrDefaultAsync(h => h.Id == id && h.ReleasedAt == null, ct);
        if (hold is null)
        {
            return Outcome.Missing;
        }

        hold.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        hold.ReleasedBy = AuditLog.Actor(user).Id;
        hold.ReleaseReason = reason;
        audit.Add(new AuditEntry("legal_hold.release", Purposes.LegalObligation, hold.SubjectId, "legal_hold", hold.Id.ToString(),
            [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        forecasts.Invalidate();
        return ToResponse(hold);
    }

    public static HoldResponse ToResponse(LegalHold h) =>
        new(h.Id, h.SubjectId, h.TableName, h.RowId, h.Reason, h.SetAt, h.SetBy, h.ReleasedAt, h.ReleasedBy, h.ReleaseReason);
}
