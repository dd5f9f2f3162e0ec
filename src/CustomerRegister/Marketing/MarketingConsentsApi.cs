using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record ConsentEntryRequest(
    string? Channel, string? Purpose, string? Kind, string? Source, DateTime? OccurredAt, string? WordingVersion, string? Evidence);

public sealed record ConsentEntryResponse(
    Guid Id, Guid SubjectId, MarketingChannel Channel, string Purpose, ConsentEntryKind Kind, DataSource Source, DateTime OccurredAt,
    string? WordingVersion, string? Evidence, string RecordedByKind, Guid? RecordedById, DateTime RecordedAt);

public sealed record ConsentLedgerResponse(
    Guid SubjectId, SubjectKind SubjectKind, IReadOnlyList<ConsentDecision> State, IReadOnlyList<ConsentEntryResponse> Ledger);

public sealed record CanContactResponse(
    Guid SubjectId, MarketingChannel Channel, string Purpose, bool Allowed, ConsentState State, string Reason,
    Guid? DecidingEntryId, DateTime? Since);

public static class MarketingConsentsApi
{
    public const string Entity = "marketing_consent";

    public static IEndpointRouteBuilder MapMarketingConsents(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/subjects/{subjectId:guid}/marketing-consents", GetAsync)
            .WithSummary("The person's direct-marketing ledger and the state derived from it per channel and purpose.");
        read.MapGet("/marketing/can-contact", CanContactAsync)
            .WithSummary("Whether the person may be sent direct marketing on the channel for the purpose, and why.");

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/subjects/{subjectId:guid}/marketing-consents", AppendAsync)
            .WithSummary("Append a permission, withdrawal, prohibition, lifting or soft opt-in. Entries are never changed or deleted.");
        return app;
    }

    private static async Task<Results<Ok<ConsentLedgerResponse>, NotFound>> GetAsync(
        Guid subjectId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var kind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await MarketingLedger.EntriesAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.consent.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.MarketingPermission.Id]), ct);
        return TypedResults.Ok(MarketingLedger.Response(subjectId, kind.Value, rows));
    }

    private static async Task<Results<Ok<CanContactResponse>, NotFound, ValidationProblem>> CanContactAsync(
        Guid? subjectId, string? channel, string? purpose, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (subjectId is null)
        {
            errors.Add("subjectId", "Required.");
        }

        var ch = errors.Enum<MarketingChannel>("channel", channel);
        var pu = errors.MarketingPurpose("purpose", purpose);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var id = subjectId!.Value;
        var d = await MarketingLedger.DecideAsync(db, id, ch!.Value, pu!, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("marketing.consent.check", pu!, id, Entity, Fields: [Categories.MarketingPermission.Id]), ct);
        return TypedResults.Ok(new CanContactResponse(id, d.Channel, d.Purpose, d.Allowed, d.State, d.Reason, d.DecidingEntryId, d.Since));
    }

    private static async Task<Results<Created<ConsentEntryResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AppendAsync(
        Guid subjectId, ConsentEntryRequest request, RegisterDbContext db, AuditLog audit, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var channel = errors.Enum<MarketingChannel>("channel", request.Channel);
        var purpose = errors.MarketingPurpose("purpose", request.Purpose);
        var kind = errors.Enum<ConsentEntryKind>("kind", request.Kind);
        var source = errors.Source(request.Source);
        var occurredAt = errors.Past("occurredAt", request.OccurredAt, now);
        var needsEvidence = kind is ConsentEntryKind.PermissionGranted or ConsentEntryKind.SoftOptIn;
        var wording = errors.Text("wordingVersion", request.WordingVersion, 50, required: needsEvidence);
        var evidence = errors.Text("evidence", request.Evidence, 500, required: needsEvidence);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var subjectKind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (subjectKind is null)
        {
            return TypedResults.NotFound();
        }

        var facts = (await MarketingLedger.EntriesAsync(db, subjectId, ct)).Select(MarketingLedger.Fact).ToList();
        if (MarketingConsentRules.Refusal(subjectKind.Value, channel!.Value, purpose!, kind!.Value, facts) is { } refusal)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["kind"] = [refusal] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
            });
        }

        var (actorKind, actorId) = AuditLog.Actor(user);
        var entry = new MarketingConsent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = source!.Value,
            CreatedAt = now,
            UpdatedAt = now,
            Channel = channel.Value,
            Purpose = purpose!,
            Kind = kind.Value,
            OccurredAt = occurredAt ?? now,
            WordingVersion = wording,
            Evidence = evidence,
            RecordedByKind = actorKind,
            RecordedById = actorId,
        };
        db.Add(entry);
        audit.Add(new AuditEntry("marketing.consent.append", Purposes.Marketing, subjectId, Entity, entry.Id.ToString(),
            Access.SetFields(db.Entry(entry))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/marketing-consents", MarketingLedger.Response(entry));
    }
}

/// <summary>Reading a person's ledger; shared by the consent API, event invitations and the subject picture.</summary>
public static class MarketingLedger
{
    public static async Task<SubjectKind?> SubjectKindAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        await db.Set<Subject>().AsNoTracking().Where(s => s.Id == subjectId).Select(s => (SubjectKind?)s.Kind).FirstOrDefaultAsync(ct);

    public static async Task<List<MarketingConsent>> EntriesAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        (await db.Set<MarketingConsent>().AsNoTracking().Where(c => c.SubjectId == subjectId).ToListAsync(ct))
            .OrderBy(c => c.OccurredAt).ThenBy(c => c.Id).ToList();

    public static ConsentFact Fact(MarketingConsent c) => new(c.Channel, c.Purpose, c.Kind, c.OccurredAt, c.Id);

    /// <summary>
    /// Brings <see cref="MarketingConsent.SupersededAt"/> up to date for every person with a new entry among the changes
    /// about to be saved: the one place it is kept, called by <see cref="RegisterDbContext.SaveChangesAsync(bool, CancellationToken)"/>,
    /// so no writer of the ledger can forget it.
    /// </summary>
    public static async Task MarkSupersededAsync(RegisterDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<MarketingConsent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var subjects = added.Select(e => e.SubjectId).Distinct().ToList();
        var stored = await db.Set<MarketingConsent>().Where(c => subjects.Contains(c.SubjectId)).ToListAsync(ct);
        foreach (var ledger in stored.Concat(added).GroupBy(c => c.SubjectId))
        {
            var superseded = MarketingConsentRules.SupersededAt(ledger.Select(Fact));
            foreach (var entry in ledger)
            {
                if (entry.SupersededAt != superseded[entry.Id])
                {
                    entry.SupersededAt = superseded[entry.Id];
                }
            }
        }
    }

    public static async Task<ConsentDecision?> DecideAsync(
        RegisterDbContext db, Guid subjectId, MarketingChannel channel, string purpose, CancellationToken ct)
    {
        var kind = await SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return null;
        }

        // A restricted person's data may only be stored (Art 18): no marketing whatever the ledger says.
        if (await ProcessingLimits.Active(db, LimitKind.Restriction).AnyAsync(l => l.SubjectId == subjectId, ct))
        {
            return new ConsentDecision(channel, purpose, ConsentState.Denied, false, ConsentReasons.Restricted, null, null);
        }

        return MarketingConsentRules.Decide(kind.Value, channel, purpose, (await EntriesAsync(db, subjectId, ct)).Select(Fact));
    }

    public static ConsentLedgerResponse Response(Guid subjectId, SubjectKind kind, IReadOnlyList<MarketingConsent> rows) =>
        new(subjectId, kind, MarketingConsentRules.DecideAll(kind, rows.Select(Fact).ToList()), rows.Select(Response).ToList());

    /// <summary>A prohibition entry on one channel and purpose, as recorded by someone or something other than the person.</summary>
    public static MarketingConsent Prohibition(
        Guid subjectId, MarketingChannel channel, string purpose, DataSource source, DateTime occurredAt, string evidence,
        (string Kind, Guid? Id) recordedBy, DateTime now) => new()
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = source,
            CreatedAt = now,
            UpdatedAt = now,
            Channel = channel,
            Purpose = purpose,
            Kind = ConsentEntryKind.Prohibition,
            OccurredAt = occurredAt,
            Evidence = evidence,
            RecordedByKind = recordedBy.Kind,
            RecordedById = recordedBy.Id,
        };

    public static ConsentEntryResponse Response(MarketingConsent c) => new(
        c.Id, c.SubjectId, c.Channel, c.Purpose, c.Kind, c.Source, c.OccurredAt, c.WordingVersion, c.Evidence, c.RecordedByKind,
        c.RecordedById, c.CreatedAt);
}
