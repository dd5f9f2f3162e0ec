using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Retention;

/// <summary>Why a person's profile has no due date, or what keeps part of it past its date.</summary>
public static class HoldReasons
{
    /// <summary>A customer relationship of their own is in force.</summary>
    public const string RelationshipInForce = "relationship-in-force";

    /// <summary>Their role at an organisation whose customer relationship is in force has not ended.</summary>
    public const string OrganisationRelationshipInForce = "organisation-relationship-in-force";

    public const string LegalHold = "legal-hold";

    /// <summary>A restriction in force on the ground that the person needs the data for legal claims (Art 18(1)(c)).</summary>
    public const string LegalClaims = "legal-claims-restriction";

    /// <summary>An open debt-collection case: only what collection needs stays past the date.</summary>
    public const string CollectionCase = "collection-case";
}

/// <summary>
/// A person's profile retention: the rule (<c>customer-profile</c> or <c>prospect</c>), the day cooperation ended (or the
/// last contact), the due date — the last day the profile is kept — or the named reasons it is held.
/// </summary>
public sealed record ProfileRetentionStatus(
    Guid SubjectId, string Rule, DateOnly? EndOfCooperation, DateOnly? DueDate, IReadOnlyList<string> HeldBecause, DateTime? PurgedAt);

/// <summary>
/// One person's profile due date, computed by indexed look-ups with the same definition the sweep's SQL uses
/// (<see cref="RetentionPlan.DueSubjectsSql"/>): the access report, the person's page and the tests read it here.
/// </summary>
public sealed class ProfileRetention(RegisterDbContext db, RetentionDates dates)
{
    public async Task<ProfileRetentionStatus?> GetAsync(Guid subjectId, CancellationToken ct)
    {
        var subject = await db.Set<Subject>().AsNoTracking().Where(s => s.Id == subjectId).Select(s => new { s.CreatedAt, s.Kind })
            .FirstOrDefaultAsync(ct);
        if (subject is null || subject.Kind == SubjectKind.Anonymised)
        {
            return null;
        }

        var purged = await db.Set<RetentionPurgedSubject>().AsNoTracking().Where(p => p.SubjectId == subjectId)
            .Select(p => (DateTime?)p.PurgedAt).FirstOrDefaultAsync(ct);
        var held = new List<string>();
        var ends = new List<DateOnly?>();
        var customer = false;

        var own = await db.Set<CustomerRelationship>().AsNoTracking().Where(r => r.SubjectId == subjectId).Select(r => r.EndDate).ToListAsync(ct);
        customer |= own.Count > 0;
        if (own.Any(e => e is null))
        {
            held.Add(HoldReasons.RelationshipInForce);
        }

        ends.AddRange(own);

        // Two indexed look-ups, not one OR: an OR with a sub-query makes the planner scan every relationship.
        var roles = await db.Set<ContactPerson>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => new { c.OrganisationId, c.RoleEndedOn }).ToListAsync(ct);
        foreach (var role in roles)
        {
            if (role.RoleEndedOn is { } ended)
            {
                customer = true;
                ends.Add(ended);
                continue;
            }

            var organisation = await db.Set<CustomerRelationship>().AsNoTracking().Where(r => r.OrganisationId == role.OrganisationId)
                .Select(r => r.EndDate).ToListAsync(ct);
            customer |= organisation.Count > 0;
            if (organisation.Any(e => e is null))
            {
                held.Add(HoldReasons.OrganisationRelationshipInForce);
            }

            ends.AddRange(organisation);
        }

        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => i.SubjectId == subjectId).Select(i => (DateOnly?)i.IssueDate).ToListAsync(ct);
        var payouts = await db.Set<MetalCreditPayout>().AsNoTracking().Where(p => p.SubjectId == subjectId).Select(p => (DateOnly?)p.PaidOn).ToListAsync(ct);
        var certificates = await db.Set<Vehicles.ScrappingCertificate>().AsNoTracking().Where(c => c.SubjectId == subjectId)
            .Select(c => (DateOnly?)c.IssueDate).ToListAsync(ct);
        customer |= invoices.Count + payouts.Count + certificates.Count > 0;
        ends.AddRange(invoices.Concat(payouts).Concat(certificates));

        var instants = await db.Set<Payment>().AsNoTracking().Where(p => p.SubjectId == subjectId).Select(p => p.PaidAt).ToListAsync(ct);
        instants.AddRange(await db.Set<ContactHistoryEntry>().AsNoTracking().Where(h => h.SubjectId == subjectId).Select(h => h.OccurredAt)
            .ToListAsync(ct));
        if (!customer)
        {
            // A prospect's last contact may be the creation of their record; a customer's cooperation is counted from its
            // own events (a record imported today of a relationship that ended years ago is not kept for the import).
            instants.Add(subject.CreatedAt);
        }

        ends.AddRange(instants.Select(t => (DateOnly?)HelsinkiTime.DateOf(t)));

        if (await db.Set<LegalHold>().AnyAsync(h => h.SubjectId == subjectId && h.ReleasedAt == null, ct))
        {
            held.Add(HoldReasons.LegalHold);
        }

        if (await db.Set<ProcessingLimit>().AnyAsync(l => l.SubjectId == subjectId && l.Kind == LimitKind.Restriction
                                                          && l.Ground == RestrictionGround.NeededForLegalClaims && l.LiftedAt == null, ct))
        {
            held.Add(HoldReasons.LegalClaims);
        }

        if (await db.Set<CollectionCase>().AnyAsync(c => c.SubjectId == subjectId && c.ClosedAt == null, ct))
        {
            held.Add(HoldReasons.CollectionCase);
        }

        var rule = customer ? RetentionRule.CustomerProfile : RetentionRule.Prospect;
        var inForce = held.Contains(HoldReasons.RelationshipInForce) || held.Contains(HoldReasons.OrganisationRelationshipInForce);
        var end = inForce ? null : ends.Max();
        return new ProfileRetentionStatus(subjectId, rule.Id, end, end is { } e ? dates.DueFrom(rule, e) : null, [.. held.Distinct()], purged);
    }
}
