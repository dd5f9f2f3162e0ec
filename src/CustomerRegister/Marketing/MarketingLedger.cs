using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

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
        RegisterDbContext db, Guid subjectId, IReadOnlyList<MarketingConsent> rows, CancellationToken ct) =>
        [.. (await FactsOfManyAsync(db, rows, ct))[subjectId]];

    /// <summary>
    /// <see cref="FactsAsync"/> for the rows of many people at once (a campaign list's batch): the soft opt-ins' bases
    /// in two queries, each matched only to its own person; the facts grouped by person, in the rows' order.
    /// </summary>
    public static async Task<ILookup<Guid, ConsentFact>> FactsOfManyAsync(
        RegisterDbContext db, IReadOnlyList<MarketingConsent> rows, CancellationToken ct)
    {
        var soft = rows.Where(c => c.Kind == ConsentEntryKind.SoftOptIn && c.ServiceLine is not null).ToList();
        var relationshipIds = soft.Select(c => c.RelationshipId).OfType<Guid>().Distinct().ToList();
        var invoiceIds = soft.Select(c => c.InvoiceId).OfType<Guid>().Distinct().ToList();
        var relationships = relationshipIds.Count == 0 ? [] : await db.Set<CustomerRelationship>().AsNoTracking()
            .Where(r => relationshipIds.Contains(r.Id) && r.SubjectId != null)
            .Select(r => new { r.Id, SubjectId = r.SubjectId!.Value, r.EndDate }).ToDictionaryAsync(r => (r.Id, r.SubjectId), r => r.EndDate, ct);
        var invoices = invoiceIds.Count == 0 ? [] : await db.Set<Invoice>().AsNoTracking()
            .Where(i => invoiceIds.Contains(i.Id) && i.SubjectId != null)
            .Select(i => new { i.Id, SubjectId = i.SubjectId!.Value, i.IssueDate })
            .ToDictionaryAsync(i => (i.Id, i.SubjectId), i => (DateOnly?)i.IssueDate, ct);
        return rows.Select(c =>
        {
            DateOnly? ended = null;
            var found = c.ServiceLine is not null && (c.RelationshipId is { } r ? relationships.TryGetValue((r, c.SubjectId), out ended)
                : c.InvoiceId is { } i && invoices.TryGetValue((i, c.SubjectId), out ended));
            return (c.SubjectId, Fact: c.Kind == ConsentEntryKind.SoftOptIn && found
                ? Fact(c) with { Basis = new SoftOptInBasis(c.ServiceLine!, ended) } : Fact(c));
        }).ToLookup(x => x.SubjectId, x => x.Fact);
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

    /// <summary>
    /// The evidence of the prohibitions an objection to direct marketing records (Art 21(2)–(3)): its request. A campaign
    /// list tells these apart from the person's other prohibitions by it.
    /// </summary>
    public const string ObjectionEvidencePrefix = "request:";

    public static string ObjectionEvidence(Guid requestId) => ObjectionEvidencePrefix + requestId;

    public static bool IsObjection(string? evidence) => evidence?.StartsWith(ObjectionEvidencePrefix, StringComparison.Ordinal) == true;

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
        c.RecordedById, c.CreatedAt, c.RelationshipId, c.InvoiceId, c.OptOutOffered, c.ServiceLine, c.NoticeVersion);
}
