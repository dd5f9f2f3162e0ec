using System.Security.Claims;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
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
    Guid? RelationshipId, Guid? InvoiceId, bool? OptOutOffered, string? ServiceLine, int? NoticeVersion = null);

public sealed record ConsentLedgerResponse(
    Guid SubjectId, SubjectKind SubjectKind, IReadOnlyList<ConsentDecision> State, IReadOnlyList<ConsentEntryResponse> Ledger);

public sealed record CanContactResponse(
    Guid SubjectId, MarketingChannel Channel, string Purpose, bool Allowed, ConsentState State, string Reason,
    Guid? DecidingEntryId, DateTime? Since);

/// <summary>
/// The direct-marketing ledger's use cases: read a person's ledger and the state derived from it, ask whether a
/// contact is allowed, append an entry. Entries are never changed or deleted.
/// </summary>
public sealed class ConsentLedger(
    RegisterDbContext db, AuditLog audit, IOptions<MarketingOptions> options, TimeProvider clock, Notice.NoticeVersions notices)
{
    private static readonly LocalText UnknownServiceLine = new(
        "Tuntematon palvelulinja: jokin näistä: {0}.",
        "Okänd tjänstelinje: en av följande: {0}.",
        "Unknown service line: one of {0}.");

    private static readonly LocalText OnlySoftOptIn = new(
        "Vain asiakassuhteeseen perustuvalle markkinoinnille (soft opt-in).",
        "Endast för marknadsföring som grundar sig på kundförhållandet (soft opt-in).",
        "Only for a soft opt-in.");

    public const string Entity = "marketing_consent";

    public async Task<Outcome<ConsentLedgerResponse>> ReadAsync(Guid subjectId, CancellationToken ct)
    {
        var kind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (kind is null)
        {
            return Outcome.Missing;
        }

        var rows = await MarketingLedger.EntriesAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.consent.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.MarketingPermission.Id]), ct);
        return await MarketingLedger.ResponseAsync(db, subjectId, kind.Value, rows, options.Value.Terms(clock), ct);
    }

    /// <summary>
    /// <paramref name="serviceLine"/> (optional) names the company's service line being marketed: a soft opt-in covers
    /// only its own line (<see cref="MarketingConsentRules.ServiceLines"/>).
    /// </summary>
    public async Task<Outcome<CanContactResponse>> CanContactAsync(
        Guid? subjectId, string? channel, string? purpose, string? serviceLine, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (subjectId is null)
        {
            errors.Add("subjectId", FieldMessages.Required);
        }

        var ch = errors.Enum<MarketingChannel>("channel", channel);
        var pu = errors.MarketingPurpose("purpose", purpose);
        errors.Pair(ch, pu);
        if (serviceLine is not null && !MarketingConsentRules.ServiceLines.Contains(serviceLine, StringComparer.Ordinal))
        {
            errors.Add("serviceLine", UnknownServiceLine.Format(string.Join(", ", MarketingConsentRules.ServiceLines)));
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var id = subjectId!.Value;
        var d = await MarketingLedger.DecideAsync(db, id, ch!.Value, pu!, options.Value.Terms(clock, serviceLine), ct);
        if (d is null)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry("marketing.consent.check", pu!, id, Entity, Fields: [Categories.MarketingPermission.Id]), ct);
        return new CanContactResponse(id, d.Channel, d.Purpose, d.Allowed, d.State, d.Reason, d.DecidingEntryId, d.Since);
    }

    /// <summary>Appends a permission, withdrawal, prohibition, lifting or soft opt-in, recorded as done by <paramref name="user"/>.</summary>
    public Task<Outcome<MarketingConsent>> AppendAsync(
        Guid subjectId, ConsentEntryRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        AppendAsync(subjectId, request, AuditLog.Actor(user), ct);

    /// <summary>
    /// Appends an entry recorded as done by <paramref name="recordedBy"/> (kind and id as in <see cref="AuditLog.Actor"/>;
    /// <see cref="AuditLog.ActorSubject"/> and the person's id when the person did it themself through an opt-out link).
    /// </summary>
    public async Task<Outcome<MarketingConsent>> AppendAsync(
        Guid subjectId, ConsentEntryRequest request, (string Kind, Guid? Id) recordedBy, CancellationToken ct)
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
                    errors.Add(field, OnlySoftOptIn);
                }
            }
        }

        var subjectKind = await MarketingLedger.SubjectKindAsync(db, subjectId, ct);
        if (subjectKind is null)
        {
            return errors.Any ? Outcome.Invalid(errors) : Outcome.Missing;
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
            return Outcome.Invalid(errors);
        }

        var facts = (await MarketingLedger.EntriesAsync(db, subjectId, ct)).Select(MarketingLedger.Fact).ToList();
        if (MarketingConsentRules.Refusal(subjectKind.Value, channel!.Value, purpose!, kind!.Value, facts) is { } refusal)
        {
            return Outcome.Conflict("kind", refusal);
        }

        var (actorKind, actorId) = recordedBy;
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
            NoticeVersion = await notices.InForceAtAsync(occurredAt ?? now, ct),
        };
        db.Add(entry);
        audit.Add(new AuditEntry("marketing.consent.append", Purposes.Marketing, subjectId, Entity, entry.Id.ToString(),
            Access.SetFields(db.Entry(entry))));
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
