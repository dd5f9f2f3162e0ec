using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Records a contact with the person, and corrects it as of the version read.</summary>
public sealed class RecordContactHistory(RegisterDbContext db, SubjectRecordWrites writes, IHttpContextAccessor http, TimeProvider clock)
{
    private static readonly LocalText NoSuchStaff = new(
        "Henkilökunnan jäsentä ei löydy.",
        "Medarbetaren finns inte.",
        "No such staff member.");

    /// <summary>The staff member defaults to the caller; the time to now.</summary>
    public async Task<Outcome<ContactHistoryEntry>> CreateAsync(Guid subjectId, ContactHistoryRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = HistoryInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        errors.RequiredSource(request.Source);
        var staff = await StaffAsync(errors, request.StaffUserId, ct);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var entry = new ContactHistoryEntry
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = request.Source!.Value,
            StaffUserId = staff,
        };
        input.ApplyTo(entry);
        return await writes.CreateAsync(entry, "contact_history", ct);
    }

    public async Task<Outcome<ContactHistoryEntry>> UpdateAsync(Guid id, ContactHistoryRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = HistoryInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.OccurredAt is null)
        {
            errors.Add("occurredAt", FieldMessages.Required);
        }

        errors.RequiredVersion(request.Version);
        var staff = request.StaffUserId is null ? null : await StaffAsync(errors, request.StaffUserId, ct);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return await writes.UpdateAsync<ContactHistoryEntry>(id, request.Version!.Value, e =>
        {
            input.ApplyTo(e);
            e.StaffUserId = staff ?? e.StaffUserId;
            e.Source = request.Source ?? e.Source;
        }, "contact_history", ct);
    }

    /// <summary>The staff member of a contact: the one given (who must exist), else the signed-in user.</summary>
    private async Task<Guid?> StaffAsync(FieldErrors errors, Guid? given, CancellationToken ct)
    {
        if (given is { } id)
        {
            if (await db.Users.AnyAsync(u => u.Id == id, ct))
            {
                return id;
            }

            errors.Add("staffUserId", NoSuchStaff);
            return null;
        }

        var (kind, actor) = AuditLog.Actor(http.HttpContext?.User);
        return kind == AuditLog.ActorUser ? actor : null;
    }
}
