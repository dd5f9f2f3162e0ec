using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>A person's contact history, feedback and the additional information they gave with consent.</summary>
public static class CustomerHistoryApi
{
    public const int MaxPageSize = 200;

    /// <summary>Clock skew allowed for a time that a client says has already happened.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly string[] HistoryFields = [Categories.ContactHistory.Id];
    private static readonly string[] FeedbackFields = [Categories.Feedback.Id];
    private static readonly string[] InfoFields = [Categories.AdditionalInfo.Id];

    public static IEndpointRouteBuilder MapCustomerHistory(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Contact history and feedback").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/subjects/{subjectId:guid}/contact-history", ListHistoryAsync)
            .WithSummary("Newest first; page with ?after=<last id>.");
        read.MapGet("/contact-history/{id:guid}", GetHistoryAsync);
        read.MapGet("/subjects/{subjectId:guid}/feedback", ListFeedbackAsync);
        read.MapGet("/feedback/{id:guid}", GetFeedbackAsync);
        read.MapGet("/subjects/{subjectId:guid}/additional-info", ListInfoAsync);
        read.MapGet("/additional-info/{id:guid}", GetInfoAsync);

        var write = app.MapGroup("/api").WithTags("Contact history and feedback").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/subjects/{subjectId:guid}/contact-history", CreateHistoryAsync)
            .WithSummary("The staff member defaults to the caller; the time to now.");
        write.MapPut("/contact-history/{id:guid}", UpdateHistoryAsync);
        write.MapPost("/subjects/{subjectId:guid}/feedback", CreateFeedbackAsync);
        write.MapPut("/feedback/{id:guid}", UpdateFeedbackAsync);
        write.MapPost("/subjects/{subjectId:guid}/additional-info", CreateInfoAsync)
            .WithSummary("Information the person gave with consent: state the consent wording (and version) it rests on.");
        write.MapPut("/additional-info/{id:guid}", UpdateInfoAsync);
        write.MapPost("/additional-info/{id:guid}/withdraw-consent", WithdrawConsentAsync)
            .WithSummary("The person withdrew the consent: the item is deleted, since consent was its only basis.");
        return app;
    }

    private static async Task<Results<Ok<Page<ContactHistoryResponse>>, NotFound, ValidationProblem>> ListHistoryAsync(
        Guid subjectId, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {MaxPageSize}.").Problem();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var query = db.Set<ContactHistoryEntry>().AsNoTracking().Where(e => e.SubjectId == subjectId);
        if (after is { } a)
        {
            var cursor = await query.Where(e => e.Id == a).Select(e => (DateTime?)e.OccurredAt).FirstOrDefaultAsync(ct);
            if (cursor is not { } t)
            {
                return new FieldErrors().Add("after", "Not an entry of this person.").Problem();
            }

            query = query.Where(e => e.OccurredAt < t || (e.OccurredAt == t && e.Id.CompareTo(a) < 0));
        }

        var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("contact_history.list", Purposes.CustomerRelationship, subjectId, "contact_history",
            Fields: HistoryFields), ct);
        return TypedResults.Ok(new Page<ContactHistoryResponse>(page.Select(e => e.ToResponse()).ToList(), rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<ContactHistoryResponse>, NotFound>> GetHistoryAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var entry = await db.Set<ContactHistoryEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("contact_history.read", Purposes.CustomerRelationship, entry.SubjectId, "contact_history",
            id.ToString(), HistoryFields), ct);
        return TypedResults.Ok(entry.ToResponse());
    }

    private static async Task<Results<Created<ContactHistoryResponse>, NotFound, ValidationProblem>> CreateHistoryAsync(
        Guid subjectId, ContactHistoryRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var input = HistoryInput.Read(request, errors, now);
        errors.RequiredSource(request.Source);
        var staff = await StaffAsync(db, errors, request.StaffUserId, http, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var entry = new ContactHistoryEntry
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = request.Source!.Value,
            StaffUserId = staff,
        };
        input.ApplyTo(entry);
        db.Add(entry);
        audit.Add(new AuditEntry("contact_history.create", Purposes.CustomerRelationship, subjectId, "contact_history", entry.Id.ToString(),
            Access.SetFields(db.Entry(entry))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/contact-history/{entry.Id}", entry.ToResponse());
    }

    private static async Task<Results<Ok<ContactHistoryResponse>, NotFound, ValidationProblem>> UpdateHistoryAsync(
        Guid id, ContactHistoryRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = HistoryInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.OccurredAt is null)
        {
            errors.Add("occurredAt", "Required.");
        }

        errors.RequiredVersion(request.Version);
        var staff = request.StaffUserId is null ? null : await StaffAsync(db, errors, request.StaffUserId, http, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var entry = await db.Set<ContactHistoryEntry>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        var tracked = db.Entry(entry);
        tracked.Property(e => e.Version).OriginalValue = request.Version!.Value;
        input.ApplyTo(entry);
        entry.StaffUserId = staff ?? entry.StaffUserId;
        entry.Source = request.Source ?? entry.Source;
        db.ChangeTracker.DetectChanges();
        audit.Add(new AuditEntry("contact_history.update", Purposes.CustomerRelationship, entry.SubjectId, "contact_history", id.ToString(),
            Access.ChangedFields(tracked).ToList()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(entry.ToResponse());
    }

    private static async Task<Results<Ok<List<FeedbackResponse>>, NotFound>> ListFeedbackAsync(
        Guid subjectId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<Feedback>().AsNoTracking().Where(f => f.SubjectId == subjectId)
            .OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("feedback.list", Purposes.CustomerRelationship, subjectId, "feedback", Fields: FeedbackFields), ct);
        return TypedResults.Ok(rows.Select(f => f.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<FeedbackResponse>, NotFound>> GetFeedbackAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var feedback = await db.Set<Feedback>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feedback is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("feedback.read", Purposes.CustomerRelationship, feedback.SubjectId, "feedback",
            id.ToString(), FeedbackFields), ct);
        return TypedResults.Ok(feedback.ToResponse());
    }

    private static async Task<Results<Created<FeedbackResponse>, NotFound, ValidationProblem>> CreateFeedbackAsync(
        Guid subjectId, FeedbackRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = FeedbackInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var feedback = new Feedback { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(feedback);
        db.Add(feedback);
        audit.Add(new AuditEntry("feedback.create", Purposes.CustomerRelationship, subjectId, "feedback", feedback.Id.ToString(),
            Access.SetFields(db.Entry(feedback))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/{feedback.Id}", feedback.ToResponse());
    }

    private static async Task<Results<Ok<FeedbackResponse>, NotFound, ValidationProblem>> UpdateFeedbackAsync(
        Guid id, FeedbackRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = FeedbackInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ReceivedAt is null)
        {
            errors.Add("receivedAt", "Required.");
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var feedback = await db.Set<Feedback>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feedback is null)
        {
            return TypedResults.NotFound();
        }

        var changed = VersionedUpdate.Apply(db, feedback, request.Version!.Value, f =>
        {
            input.ApplyTo(f);
            f.Source = request.Source ?? f.Source;
        });
        audit.Add(new AuditEntry("feedback.update", Purposes.CustomerRelationship, feedback.SubjectId, "feedback", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(feedback.ToResponse());
    }

    private static async Task<Results<Ok<List<AdditionalInfoResponse>>, NotFound>> ListInfoAsync(
        Guid subjectId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<AdditionalInfo>().AsNoTracking().Where(a => a.SubjectId == subjectId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditEntry("additional_info.list", Purposes.CustomerRelationship, subjectId, "additional_info",
            Fields: InfoFields), ct);
        return TypedResults.Ok(rows.Select(a => a.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<AdditionalInfoResponse>, NotFound>> GetInfoAsync(
        Guid id, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var info = await db.Set<AdditionalInfo>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (info is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("additional_info.read", Purposes.CustomerRelationship, info.SubjectId, "additional_info",
            id.ToString(), InfoFields), ct);
        return TypedResults.Ok(info.ToResponse());
    }

    private static async Task<Results<Created<AdditionalInfoResponse>, NotFound, ValidationProblem>> CreateInfoAsync(
        Guid subjectId, AdditionalInfoRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = InfoInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var info = new AdditionalInfo { Id = Guid.CreateVersion7(), SubjectId = subjectId, Source = request.Source!.Value };
        input.ApplyTo(info);
        db.Add(info);
        audit.Add(new AuditEntry("additional_info.create", Purposes.CustomerRelationship, subjectId, "additional_info", info.Id.ToString(),
            Access.SetFields(db.Entry(info))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/additional-info/{info.Id}", info.ToResponse());
    }

    private static async Task<Results<Ok<AdditionalInfoResponse>, NotFound, ValidationProblem>> UpdateInfoAsync(
        Guid id, AdditionalInfoRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = InfoInput.Read(request, errors, clock.GetUtcNow().UtcDateTime);
        if (request.ConsentedAt is null)
        {
            errors.Add("consentedAt", "Required.");
        }

        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var info = await db.Set<AdditionalInfo>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (info is null)
        {
            return TypedResults.NotFound();
        }

        var changed = VersionedUpdate.Apply(db, info, request.Version!.Value, a =>
        {
            input.ApplyTo(a);
            a.Source = request.Source ?? a.Source;
        });
        audit.Add(new AuditEntry("additional_info.update", Purposes.CustomerRelationship, info.SubjectId, "additional_info", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(info.ToResponse());
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> WithdrawConsentAsync(
        Guid id, WithdrawConsentRequest request, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var info = await db.Set<AdditionalInfo>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (info is null)
        {
            return TypedResults.NotFound();
        }

        // The trail keeps that consent was withdrawn and the item erased; the values go with the row.
        db.Entry(info).Property(a => a.Version).OriginalValue = request.Version!.Value;
        db.Remove(info);
        audit.Add(new AuditEntry("additional_info.consent_withdrawn", Purposes.DataSubjectRights, info.SubjectId, "additional_info",
            id.ToString(), InfoFields));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The staff member of a contact: the one given (who must exist), else the signed-in user.</summary>
    private static async Task<Guid?> StaffAsync(RegisterDbContext db, FieldErrors errors, Guid? given, IHttpContextAccessor http,
        CancellationToken ct)
    {
        if (given is { } id)
        {
            if (await db.Users.AnyAsync(u => u.Id == id, ct))
            {
                return id;
            }

            errors.Add("staffUserId", "No such staff member.");
            return null;
        }

        var (kind, actor) = AuditLog.Actor(http.HttpContext?.User);
        return kind == AuditLog.ActorUser ? actor : null;
    }

    internal static DateTime? Past(FieldErrors errors, string field, DateTime? value, DateTime now)
    {
        if (value is { } v && v.ToUniversalTime() > now + FutureTolerance)
        {
            errors.Add(field, "Cannot be in the future.");
        }

        return value?.ToUniversalTime();
    }
}

