using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Disclosures;

/// <summary>
/// What a caller wants to disclose: to which registered recipient, whose data, which catalogue categories
/// (<see cref="DataCategory.Id"/>) and for which purpose (<see cref="Purposes"/>).
/// </summary>
public sealed record DisclosureOrder(Guid RecipientId, IReadOnlyList<Guid> SubjectIds, IReadOnlyList<string> CategoryKeys, string Purpose);

/// <summary>
/// What may go: only <see cref="CategoryKeys"/> (the asked ones the recipient may receive), only of
/// <see cref="SubjectIds"/> (the people logged as disclosed). <see cref="WithheldCategoryKeys"/> were asked but are not
/// the recipient's; <see cref="WithheldSubjectIds"/> are restricted (Art 18) and get nothing. The caller sends exactly
/// this and nothing else.
/// </summary>
public sealed record DisclosureResult(
    Guid RecipientId,
    string RecipientName,
    IReadOnlyList<string> CategoryKeys,
    IReadOnlyList<string> WithheldCategoryKeys,
    IReadOnlyList<Guid> SubjectIds,
    IReadOnlyList<Guid> WithheldSubjectIds,
    DateTime DisclosedAt);

/// <summary>
/// The one disclosure path (notice § 8): checks the registry (<see cref="DisclosureRules"/>: active, in the EU/EEA or
/// with a safeguard, the categories allowed — otherwise refused with the reason, the refusal audited), narrows the
/// order to what the recipient may receive, and logs one <see cref="Disclosure"/> and one audit event per person in one
/// save. The collection hand-over, the group companies' API and any later disclosure call it.
/// </summary>
public sealed class DiscloseData(RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The audit action of a disclosure (and of a refused one, with outcome <c>refused</c>).</summary>
    public const string AuditAction = "subject.disclose";

    public const int MaxSubjects = 10_000;

    private static readonly LocalText AtLeastOneSubject = new("Valitse vähintään yksi henkilö.", "Välj minst en person.", "Name at least one person.");

    private static readonly LocalText TooManySubjects = new(
        "Enintään {0} henkilöä kerralla.", "Högst {0} personer åt gången.", "At most {0} people at a time.");

    private static readonly LocalText AtLeastOneCategory = new(
        "Valitse vähintään yksi tietoryhmä.", "Välj minst en uppgiftskategori.", "Name at least one data category.");

    private static readonly LocalText UnknownCategory = new(
        "Tuntematon tietoryhmä: {0}.", "Okänd uppgiftskategori: {0}.", "Unknown data category: {0}.");

    private static readonly LocalText UnknownPurpose = new(
        "Tuntematon käyttötarkoitus.", "Okänt ändamål.", "Unknown purpose.");

    private static readonly LocalText SomeSubjectsMissing = new(
        "Osaa henkilöistä ei löydy.", "En del av personerna finns inte.", "Some of these people do not exist.");

    public async Task<Outcome<DisclosureResult>> DiscloseAsync(DisclosureOrder order, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var subjectIds = order.SubjectIds?.Distinct().ToList() ?? [];
        if (subjectIds.Count == 0)
        {
            errors.Add("subjectIds", AtLeastOneSubject);
        }
        else if (subjectIds.Count > MaxSubjects)
        {
            errors.Add("subjectIds", TooManySubjects.Format(MaxSubjects));
        }

        var asked = order.CategoryKeys?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (asked.Count == 0)
        {
            errors.Add("categoryKeys", AtLeastOneCategory);
        }
        else if (asked.FirstOrDefault(k => !Categories.All.Any(c => c.Id == k)) is { } unknown)
        {
            errors.Add("categoryKeys", UnknownCategory.Format(unknown));
        }

        if (!Purposes.IsKnown(order.Purpose))
        {
            errors.Add("purpose", UnknownPurpose);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var recipient = await db.Set<Recipient>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == order.RecipientId, ct);
        if (recipient is null)
        {
            return Outcome.Missing;
        }

        var decision = DisclosureRules.Decide(recipient, asked);
        if (decision.Refusal is { } reason)
        {
            await audit.WriteAsync(new AuditEntry(AuditAction, order.Purpose, EntityType: "recipient", EntityId: recipient.Id.ToString(),
                Fields: asked, Outcome: "denied"), ct);
            return Outcome.Conflict(reason == RefusalReason.NoAllowedCategory ? "categoryKeys" : "recipientId",
                DisclosureRules.Text(reason), Reason(reason));
        }

        var existing = await db.Set<Subject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (existing.Count != subjectIds.Count)
        {
            return Outcome.Invalid("subjectIds", SomeSubjectsMissing);
        }

        var restricted = (await ProcessingLimits.Active(db, LimitKind.Restriction).Where(l => subjectIds.Contains(l.SubjectId))
            .Select(l => l.SubjectId).ToListAsync(ct)).ToHashSet();
        var disclosed = subjectIds.Where(id => !restricted.Contains(id)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var (kind, actor) = AuditLog.Actor(http.HttpContext?.User);
        var keys = Recipient.JoinKeys(decision.Allowed);
        foreach (var subjectId in disclosed)
        {
            db.Add(new Disclosure
            {
                Id = Guid.CreateVersion7(),
                RecipientId = recipient.Id,
                SubjectId = subjectId,
                CategoryKeys = keys,
                Purpose = order.Purpose,
                DisclosedAt = now,
                ActorKind = kind,
                ActorId = actor,
            });
            audit.Add(new AuditEntry(AuditAction, order.Purpose, subjectId, "recipient", recipient.Id.ToString(), decision.Allowed));
        }

        foreach (var subjectId in subjectIds.Where(restricted.Contains))
        {
            audit.Add(new AuditEntry(AuditAction, order.Purpose, subjectId, "recipient", recipient.Id.ToString(), decision.Allowed,
                Outcome: "denied"));
        }

        await db.SaveChangesAsync(ct);
        return new DisclosureResult(recipient.Id, recipient.Name, decision.Allowed, decision.Withheld, disclosed,
            [.. subjectIds.Where(restricted.Contains)], now);
    }

    /// <summary>The machine-readable reason of the 409.</summary>
    public static string Reason(RefusalReason reason) => reason switch
    {
        RefusalReason.Ended => "recipient-ended",
        RefusalReason.NoTransferSafeguard => "no-transfer-safeguard",
        _ => "no-allowed-category",
    };
}
