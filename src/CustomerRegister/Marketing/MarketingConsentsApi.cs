using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

/// <summary>
/// One ledger entry to append. A soft opt-in also names what it rests on (<see cref="RelationshipId"/> or
/// <see cref="InvoiceId"/>, the person's own), <see cref="OptOutOffered"/> (must be true) and the
/// <see cref="ServiceLine"/> it covers; other kinds leave those out.
/// </summary>
public sealed record ConsentEntryRequest(
    string? Channel, string? Purpose, string? Kind, string? Source, DateTime? OccurredAt, string? WordingVersion, string? Evidence,
    Guid? RelationshipId = null, Guid? InvoiceId = null, bool? OptOutOffered = null, string? ServiceLine = null);

public sealed record ConsentEntryResponse(
    Guid Id, Guid SubjectId, MarketingChannel Channel, string Purpose, ConsentEntryKind Kind, DataSource Source, DateTime OccurredAt,
    string? WordingVersion, string? Evidence, string RecordedByKind, Guid? RecordedById, DateTime RecordedAt,
    Guid? RelationshipId, Guid? InvoiceId, bool? OptOutOffered, string? ServiceLine);

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
        Guid subjectId, RegisterDbContext db, AuditLog audit, IOptions<MarketingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var kind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await MarketingLedger.EntriesAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.consent.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.MarketingPermission.Id]), ct);
        return TypedResults.Ok(await MarketingLedger.ResponseAsync(db, subjectId, kind.Value, rows, options.Value.Terms(clock), ct));
    }

    /// <summary>
    /// <paramref name="serviceLine"/> (optional) names the company's service line being marketed: a soft opt-in covers
    /// only its own line (<see cref="MarketingConsentRules.ServiceLines"/>).
    /// </summary>
    private static async Task<Results<Ok<CanContactResponse>, NotFound, ValidationProblem>> CanContactAsync(
        Guid? subjectId, string? channel, string? purpose, string? serviceLine, RegisterDbContext db, AuditLog audit,
        IOptions<MarketingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (subjectId is null)
        {
            errors.Add("subjectId", "Required.");
        }

        var ch = errors.Enum<MarketingChannel>("channel", channel);
        var pu = errors.MarketingPurpose("purpose", purpose);
        errors.Pair(ch, pu);
        if (serviceLine is not null && !MarketingConsentRules.ServiceLines.Contains(serviceLine, StringComparer.Ordinal))
        {
            errors.Add("serviceLine", $"Unknown service line: one of {string.Join(", ", MarketingConsentRules.ServiceLines)}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var id = subjectId!.Value;
        var d = await MarketingLedger.DecideAsync(db, id, ch!.Value, pu!, options.Value.Terms(clock, serviceLine), ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(new AuditEntry("marketing.consent.check", pu!, id, Entity, Fields: [Categories.MarketingPermission.Id]), ct);
        return TypedResults.Ok(new CanContactResponse(id, d.Channel, d.Purpose, d.Allowed, d.State, d.Reason, d.DecidingEntryId, d.Since));
    }

    private static async Task<Results<Created<ConsentEntryResponse>, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AppendAsync(
        Guid subjectId, ConsentEntryRequest request, RegisterDbContext db, AuditLog audit, ClaimsPrincipal user, TimeProvider clock,
        IOptions<MarketingOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var channel = errors.Enum<MarketingChannel>("channel", request.Channel);
        var purpose = errors.MarketingPurpose("purpose", request.Purpose);
        errors.Pair(channel, purpose);
        var kind = errors.Enum<ConsentEntryKind>("kind", request.Kind);
        var source = errors.Source(request.Source);
        var occurredAt = errors.Past("occurredAt", request.OccurredAt, now);
        var needsEvidence = kind is ConsentEntryKind.PermissionGranted or ConsentEntryKind.SoftOptIn;
        var wording = errors.Text("wordingVersion", request.WordingVersion, 50, required: needsEvidence);
        var evidence = errors.Text("evidence", request.Evidence, 500, required: needsEvidence);
        var claim = new SoftOptInClaim(request.RelationshipId, request.InvoiceId, request.OptOutOffered, request.ServiceLine?.Trim());
        if (kind is not null and not ConsentEntryKind.SoftOptIn)
        {
            foreach (var (field, given) in new[] { ("relationshipId", claim.RelationshipId is not null), ("invoiceId", claim.InvoiceId is not null),
                ("optOutOffered", claim.OptOutOffered is not null), ("serviceLine", claim.ServiceLine is not null) })
            {
                if (given)
                {
                    errors.Add(field, "Only for a soft opt-in.");
                }
            }
        }

        var subjectKind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (subjectKind is null)
        {
            return errors.Any ? errors.Problem() : TypedResults.NotFound();
        }

        if (kind == ConsentEntryKind.SoftOptIn)
        {
            var found = await MarketingLedger.SoftOptInSourceAsync(db, claim, ct);
            foreach (var (field, message) in MarketingConsentRules.SoftOptInProblems(subjectId, claim, found, options.Value.Terms(clock)))
            {
                errors.Add(field, message);
            }
        }

        if (errors.Any)
        {
            return errors.Problem();
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
            RelationshipId = claim.RelationshipId,
            InvoiceId = claim.InvoiceId,
            OptOutOffered = claim.OptOutOffered,
            ServiceLine = claim.ServiceLine,
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

    /// <summary>The entry as the rules see it, without a soft opt-in's basis (enough for bans and refusals).</summary>
    public static ConsentFact Fact(MarketingConsent c) => new(c.Channel, c.Purpose, c.Kind, c.OccurredAt, c.Id);

    /// <summary>
    /// The entries as the rules see them, each soft opt-in with its basis as the register holds it now: the end of its
    /// relationship, or its invoice's date, when that row still exists and is the person's; otherwise no basis.
    /// </summary>
    public static async Task<List<ConsentFact>> FactsAsync(
        RegisterDbContext db, Guid subjectId, IReadOnlyList<MarketingConsent> rows, CancellationToken ct)
    {
        var soft = rows.Where(c => c.Kind == ConsentEntryKind.SoftOptIn && c.ServiceLine is not null).ToList();
        var relationshipIds = soft.Select(c => c.RelationshipId).OfType<Guid>().Distinct().ToList();
        var invoiceIds = soft.Select(c => c.InvoiceId).OfType<Guid>().Distinct().ToList();
        var relationships = relationshipIds.Count == 0 ? [] : await db.Set<CustomerRelationship>().AsNoTracking()
            .Where(r => relationshipIds.Contains(r.Id) && r.SubjectId == subjectId)
            .Select(r => new { r.Id, r.EndDate }).ToDictionaryAsync(r => r.Id, r => r.EndDate, ct);
        var invoices = invoiceIds.Count == 0 ? [] : await db.Set<Invoice>().AsNoTracking()
            .Where(i => invoiceIds.Contains(i.Id) && i.SubjectId == subjectId)
            .Select(i => new { i.Id, i.IssueDate }).ToDictionaryAsync(i => i.Id, i => (DateOnly?)i.IssueDate, ct);
        return [.. rows.Select(c =>
        {
            DateOnly? ended = null;
            var found = c.ServiceLine is not null && (c.RelationshipId is { } r ? relationships.TryGetValue(r, out ended)
                : c.InvoiceId is { } i && invoices.TryGetValue(i, out ended));
            return c.Kind == ConsentEntryKind.SoftOptIn && found ? Fact(c) with { Basis = new SoftOptInBasis(c.ServiceLine!, ended) } : Fact(c);
        })];
    }

    /// <summary>The relationship or invoice a soft opt-in to be recorded names: whose it is and when it ended; null if none.</summary>
    public static async Task<SoftOptInSource?> SoftOptInSourceAsync(RegisterDbContext db, SoftOptInClaim claim, CancellationToken ct) =>
        claim switch
        {
            { RelationshipId: { } r, InvoiceId: null } => await db.Set<CustomerRelationship>().AsNoTracking().Where(x => x.Id == r)
                .Select(x => new SoftOptInSource(x.SubjectId, x.EndDate)).FirstOrDefaultAsync(ct),
            { InvoiceId: { } i, RelationshipId: null } => await db.Set<Invoice>().AsNoTracking().Where(x => x.Id == i)
                .Select(x => new SoftOptInSource(x.SubjectId, x.IssueDate)).FirstOrDefaultAsync(ct),
            _ => null,
        };

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
        RegisterDbContext db, Guid subjectId, MarketingChannel channel, string purpose, SoftOptInTerms terms, CancellationToken ct)
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

        var facts = await FactsAsync(db, subjectId, await EntriesAsync(db, subjectId, ct), ct);
        return MarketingConsentRules.Decide(kind.Value, channel, purpose, facts, terms);
    }

    public static async Task<ConsentLedgerResponse> ResponseAsync(
        RegisterDbContext db, Guid subjectId, SubjectKind kind, IReadOnlyList<MarketingConsent> rows, SoftOptInTerms terms, CancellationToken ct) =>
        new(subjectId, kind, MarketingConsentRules.DecideAll(kind, await FactsAsync(db, subjectId, rows, ct), terms), rows.Select(Response).ToList());

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
        c.RecordedById, c.CreatedAt, c.RelationshipId, c.InvoiceId, c.OptOutOffered, c.ServiceLine);
}
