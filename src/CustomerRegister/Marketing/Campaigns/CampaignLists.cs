using System.Runtime.CompilerServices;
using CustomerRegister.Billing;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Marketing.IndustryOptOut;
using CustomerRegister.Profiling;
using CustomerRegister.Restrictions;
using CustomerRegister.Search;
using CustomerRegister.Subjects;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>
/// Why a selected person is not on a campaign list. A person left out for several reasons is counted once, under the
/// first of them in this order.
/// </summary>
public enum CampaignExclusion
{
    /// <summary>No consent in force where the law asks for one (email, SMS to a natural person), or a withdrawal.</summary>
    NoConsent = 1,

    /// <summary>A prohibition in force on the channel and purpose (the person's own, an opt-out link's, or a ban re-applied from an erased person's address).</summary>
    Prohibition = 2,

    /// <summary>The person's processing is restricted (Art 18): stored only.</summary>
    Restriction = 3,

    /// <summary>An objection to direct marketing (Art 21(2)–(3)), recorded as prohibitions from the request.</summary>
    Objection = 4,

    /// <summary>The consumer's phone number or address is on the marketing industry's opt-out list (phone and post).</summary>
    IndustryOptOut = 5,

    /// <summary>No address on the channel: no email, no phone number, no street address and postal code.</summary>
    NoAddress = 6,
}

/// <summary>A selected person as a campaign list needs them: who, and the addresses the channels reach them at.</summary>
public sealed record CampaignPerson(
    Guid SubjectId, SubjectKind Kind, string Name, string? Organisation, string? Email, string? Phone, string? Street, string? PostalCode,
    string? City)
{
    /// <summary>Whether the person has an address on <paramref name="channel"/>.</summary>
    public bool Reachable(MarketingChannel channel) => channel switch
    {
        MarketingChannel.Email => !string.IsNullOrWhiteSpace(Email),
        MarketingChannel.Sms or MarketingChannel.Phone => !string.IsNullOrWhiteSpace(Phone),
        MarketingChannel.Post => !string.IsNullOrWhiteSpace(Street) && !string.IsNullOrWhiteSpace(PostalCode),
        _ => false,
    };
}

/// <summary>One selected person and why they are left out (null: on the list).</summary>
public sealed record CampaignVerdict(CampaignPerson Person, CampaignExclusion? Exclusion);

/// <summary>How many a selection found, how many are on the list, and how many were left out for each reason.</summary>
public sealed class CampaignCounts
{
    private readonly int[] _excluded = new int[Enum.GetValues<CampaignExclusion>().Length + 1];

    public int Selected { get; private set; }

    public int Included { get; private set; }

    public int Excluded(CampaignExclusion reason) => _excluded[(int)reason];

    public IReadOnlyList<(CampaignExclusion Reason, int Count)> ByReason =>
        [.. Enum.GetValues<CampaignExclusion>().Select(r => (r, _excluded[(int)r]))];

    public void Add(CampaignVerdict verdict)
    {
        Selected++;
        if (verdict.Exclusion is { } reason)
        {
            _excluded[(int)reason]++;
        }
        else
        {
            Included++;
        }
    }
}

/// <summary>
/// Campaign lists: the people a selection (<see cref="CampaignCriteria"/>) finds, each judged by the one rule the person
/// page uses (<see cref="MarketingConsentRules.Decide"/> on the ledger), with restrictions, objections, the industry's
/// opt-out list and a missing address on top. The register is paged through by subject id in batches, so a list of a
/// million people is never held in memory.
/// </summary>
public sealed class CampaignLists(RegisterDbContext db, IOptions<MarketingOptions> options, TimeProvider clock, IndustryOptOuts industry)
{
    public const int BatchSize = 500;

    /// <summary>
    /// The subject ids of the people on the list (allowed on the channel for the purpose, with an address on it), in
    /// id order, paged through the register in batches: never the whole list in memory.
    /// </summary>
    public async IAsyncEnumerable<Guid> SelectAsync(CampaignCriteria criteria, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in EvaluateAsync(criteria, ct))
        {
            foreach (var verdict in batch.Where(v => v.Exclusion is null))
            {
                yield return verdict.Person.SubjectId;
            }
        }
    }

    /// <summary>A saved campaign's criteria, or null when there is no such campaign.</summary>
    public async Task<CampaignCriteria?> CriteriaAsync(Guid campaignId, CancellationToken ct)
    {
        var json = await db.Set<Campaign>().AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Criteria).FirstOrDefaultAsync(ct);
        return json is null ? null : CampaignCriteriaJson.Read(json);
    }

    /// <summary>Every selected person with their verdict, a batch at a time, in subject id order.</summary>
    public async IAsyncEnumerable<IReadOnlyList<CampaignVerdict>> EvaluateAsync(
        CampaignCriteria criteria, [EnumeratorCancellation] CancellationToken ct)
    {
        var selection = Selection(criteria);
        var terms = options.Value.Terms(clock, criteria.ServiceLine);
        Guid? after = null;
        while (true)
        {
            var query = selection;
            if (after is { } a)
            {
                query = query.Where(s => s.Id.CompareTo(a) > 0);
            }

            var batch = await query.OrderBy(s => s.Id).Select(s => new { s.Id, s.Kind }).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            after = batch[^1].Id;
            yield return await JudgeAsync(criteria, terms, [.. batch.Select(b => (b.Id, b.Kind))], ct);
            if (batch.Count < BatchSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The people the selection finds (everyone but the anonymised key, narrowed by each filter given), as SQL.</summary>
    public IQueryable<Subject> Selection(CampaignCriteria c)
    {
        var q = db.Set<Subject>().AsNoTracking().Where(s => s.Kind != SubjectKind.Anonymised);
        if (c.Kinds.Count > 0)
        {
            var kinds = c.Kinds.ToList();
            q = q.Where(s => kinds.Contains(s.Kind));
        }

        if (c.Relationship is { } state)
        {
            var all = db.Set<CustomerRelationship>().AsNoTracking();
            var active = all.Where(r => r.Status != RelationshipStatus.Ended);
            q = state == RelationshipState.Active
                ? WithRelationship(q, active)
                : WithoutRelationship(WithRelationship(q, all), active);
        }

        if (!string.IsNullOrWhiteSpace(c.PostalCodePrefix))
        {
            var prefix = c.PostalCodePrefix.Trim();
            q = q.Where(s => db.Set<Consumer>().Any(x => x.SubjectId == s.Id && x.PostalCode!.StartsWith(prefix))
                             || db.Set<Organisation>().Any(o => o.SubjectId == s.Id && o.PostalCode!.StartsWith(prefix))
                             || db.Set<ContactPerson>().Any(p => p.SubjectId == s.Id
                                                                 && db.Set<Organisation>().Any(o => o.Id == p.OrganisationId && o.PostalCode!.StartsWith(prefix))));
        }

        if (!string.IsNullOrWhiteSpace(c.Municipality))
        {
            var cities = SearchText.Spellings(c.Municipality.Trim()).ToList();
            q = q.Where(s => db.Set<Consumer>().Any(x => x.SubjectId == s.Id && cities.Contains(x.City!))
                             || db.Set<Organisation>().Any(o => o.SubjectId == s.Id && cities.Contains(o.City!))
                             || db.Set<ContactPerson>().Any(p => p.SubjectId == s.Id
                                                                 && db.Set<Organisation>().Any(o => o.Id == p.OrganisationId && cities.Contains(o.City!))));
        }

        if (c.UsedService is { } line)
        {
            q = UsedService(q, line);
        }

        if (c.Segment is { } segment)
        {
            var inSegment = ProfileQueries.InSegment(db, segment);
            q = q.Where(s => inSegment.Contains(s.Id));
        }

        if (c.Interest is { } interest)
        {
            var interested = ProfileQueries.Interested(db, interest);
            q = q.Where(s => interested.Contains(s.Id));
        }

        if (c.EventId is { } eventId)
        {
            ParticipationStatus[] statuses = (c.Participation ?? EventParticipation.Invited) switch
            {
                EventParticipation.Attended => [ParticipationStatus.Attended],
                EventParticipation.Registered => [ParticipationStatus.Registered, ParticipationStatus.Attended],
                _ => [ParticipationStatus.Invited, ParticipationStatus.Registered, ParticipationStatus.Attended],
            };
            var invited = db.Set<EventInvitation>().AsNoTracking().Where(i => i.EventId == eventId && statuses.Contains(i.Status))
                .Select(i => i.SubjectId);
            q = q.Where(s => invited.Contains(s.Id));
        }

        return q;
    }

    /// <summary>
    /// The people who have used a service line (<see cref="MarketingConsentRules.ServiceLines"/>): metal buying — a metal
    /// credit paid to them; vehicle scrapping — a scrapping certificate of theirs; waste services — a service ordered under
    /// their relationship (their own, or their organisation's for a contact person) and not cancelled.
    /// </summary>
    public IQueryable<Subject> UsedService(IQueryable<Subject> q, string line) => line switch
    {
        MarketingConsentRules.MetalBuying => q.Where(s => db.Set<MetalCreditPayout>().Any(p => p.SubjectId == s.Id)),
        MarketingConsentRules.VehicleScrapping => q.Where(s => db.Set<ScrappingCertificate>().Any(x => x.SubjectId == s.Id)),
        MarketingConsentRules.WasteServices => WithRelationship(q, db.Set<CustomerRelationship>().AsNoTracking()
            .Where(r => db.Set<OrderedService>().Any(o => o.RelationshipId == r.Id && o.Status != ServiceStatus.Cancelled))),
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Not a service line."),
    };

    /// <summary>People holding one of the relationships: their own (consumer, sole trader) or their organisation's (contact person).</summary>
    private IQueryable<Subject> WithRelationship(IQueryable<Subject> q, IQueryable<CustomerRelationship> rels)
    {
        var (own, organisations, contacts) = Holders(rels);
        return q.Where(s => own.Contains(s.Id) || organisations.Contains(s.Id) || contacts.Contains(s.Id));
    }

    private IQueryable<Subject> WithoutRelationship(IQueryable<Subject> q, IQueryable<CustomerRelationship> rels)
    {
        var (own, organisations, contacts) = Holders(rels);
        return q.Where(s => !own.Contains(s.Id) && !organisations.Contains(s.Id) && !contacts.Contains(s.Id));
    }

    private (IQueryable<Guid> Own, IQueryable<Guid> Organisations, IQueryable<Guid> Contacts) Holders(IQueryable<CustomerRelationship> rels) =>
    (
        rels.Where(r => r.SubjectId != null).Select(r => r.SubjectId!.Value),
        db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId != null && rels.Any(r => r.OrganisationId == o.Id)).Select(o => o.SubjectId!.Value),
        db.Set<ContactPerson>().AsNoTracking().Where(p => rels.Any(r => r.OrganisationId == p.OrganisationId)).Select(p => p.SubjectId)
    );

    private async Task<IReadOnlyList<CampaignVerdict>> JudgeAsync(
        CampaignCriteria c, SoftOptInTerms terms, IReadOnlyList<(Guid Id, SubjectKind Kind)> batch, CancellationToken ct)
    {
        var ids = batch.Select(b => b.Id).ToList();
        var people = await PeopleAsync(batch, ct);
        var restricted = (await ProcessingLimits.Active(db, LimitKind.Restriction).Where(l => ids.Contains(l.SubjectId))
            .Select(l => l.SubjectId).ToListAsync(ct)).ToHashSet();
        var rows = (await db.Set<MarketingConsent>().AsNoTracking()
                .Where(x => ids.Contains(x.SubjectId) && x.Channel == c.Channel && x.Purpose == c.Purpose).ToListAsync(ct))
            .OrderBy(x => x.OccurredAt).ThenBy(x => x.Id).ToList();
        var evidence = rows.ToDictionary(x => x.Id, x => x.Evidence);
        var facts = await MarketingLedger.FactsOfManyAsync(db, rows, ct);
        var listed = await IndustryListedAsync(c, people.Values, ct);

        var verdicts = new List<CampaignVerdict>(batch.Count);
        foreach (var (id, kind) in batch)
        {
            var person = people.GetValueOrDefault(id) ?? new CampaignPerson(id, kind, "", null, null, null, null, null, null);
            verdicts.Add(new CampaignVerdict(person, Exclusion(c, kind, terms, [.. facts[id]], evidence, restricted.Contains(id), listed.Contains(id), person)));
        }

        return verdicts;
    }

    /// <summary>
    /// The first reason (<see cref="CampaignExclusion"/> order) a person is left out, or null. Consent and prohibitions
    /// are the ledger's decision for the channel and purpose (<see cref="MarketingConsentRules.Decide"/>): "no consent"
    /// is what it decides with the prohibitions set aside, a prohibition in force is an objection when its evidence is an
    /// objection request.
    /// </summary>
    public static CampaignExclusion? Exclusion(
        CampaignCriteria c, SubjectKind kind, SoftOptInTerms terms, IReadOnlyList<ConsentFact> facts, IReadOnlyDictionary<Guid, string?> evidence,
        bool restricted, bool industryListed, CampaignPerson person)
    {
        var withoutBans = facts.Where(f => f.Kind is not (ConsentEntryKind.Prohibition or ConsentEntryKind.ProhibitionLifted)).ToList();
        if (!MarketingConsentRules.Decide(kind, c.Channel, c.Purpose, withoutBans, terms).Allowed)
        {
            return CampaignExclusion.NoConsent;
        }

        var decision = MarketingConsentRules.Decide(kind, c.Channel, c.Purpose, facts, terms);
        var objection = false;
        if (decision.Reason == ConsentReasons.Prohibited)
        {
            objection = decision.DecidingEntryId is { } entry && MarketingLedger.IsObjection(evidence.GetValueOrDefault(entry));
            if (!objection)
            {
                return CampaignExclusion.Prohibition;
            }
        }

        if (restricted)
        {
            return CampaignExclusion.Restriction;
        }

        if (objection || !decision.Allowed)
        {
            return objection ? CampaignExclusion.Objection : CampaignExclusion.NoConsent;
        }

        if (industryListed)
        {
            return CampaignExclusion.IndustryOptOut;
        }

        return person.Reachable(c.Channel) ? null : CampaignExclusion.NoAddress;
    }

    /// <summary>Whether the industry's opt-out lists apply: phone and post marketing to consumers.</summary>
    public static bool IndustryListApplies(MarketingChannel channel, SubjectKind kind) =>
        channel is MarketingChannel.Phone or MarketingChannel.Post && kind == SubjectKind.Consumer;

    /// <summary>The consumers of the batch whose phone (phone campaigns) or address (post campaigns) is on the industry's opt-out list.</summary>
    private async Task<IReadOnlySet<Guid>> IndustryListedAsync(CampaignCriteria c, IEnumerable<CampaignPerson> people, CancellationToken ct)
    {
        // Only the channel's own list: the phone list for a phone campaign, the address list for post.
        var candidates = people.Where(p => IndustryListApplies(c.Channel, p.Kind))
            .Select(p => c.Channel == MarketingChannel.Phone
                ? new OptOutCandidate(p.SubjectId, p.Phone, null, null, null)
                : new OptOutCandidate(p.SubjectId, null, p.Street, p.PostalCode, p.City))
            .ToList();
        return candidates.Count == 0 ? new HashSet<Guid>() : await industry.ListedAsync(candidates, ct);
    }

    /// <summary>The names and addresses of the batch: a consumer's own, a contact person's with their organisation's address, a sole trader's business.</summary>
    private async Task<Dictionary<Guid, CampaignPerson>> PeopleAsync(IReadOnlyList<(Guid Id, SubjectKind Kind)> batch, CancellationToken ct)
    {
        var ids = batch.Select(b => b.Id).ToList();
        var kindOf = batch.ToDictionary(b => b.Id, b => b.Kind);
        var today = HelsinkiTime.Today(clock);
        var people = new Dictionary<Guid, CampaignPerson>();
        foreach (var x in await db.Set<Consumer>().AsNoTracking().Where(x => ids.Contains(x.SubjectId))
                     .Select(x => new { x.SubjectId, x.FirstName, x.LastName, x.Email, x.Phone, x.Street, x.PostalCode, x.City }).ToListAsync(ct))
        {
            people[x.SubjectId] = new(x.SubjectId, kindOf[x.SubjectId], $"{x.FirstName} {x.LastName}".Trim(), null, x.Email, x.Phone, x.Street,
                x.PostalCode, x.City);
        }

        // A contact person whose role has ended is no longer reached at the organisation: no address.
        foreach (var x in await (from p in db.Set<ContactPerson>().AsNoTracking()
                                 join o in db.Set<Organisation>().AsNoTracking() on p.OrganisationId equals o.Id
                                 where ids.Contains(p.SubjectId)
                                 select new { p.SubjectId, p.FirstName, p.LastName, p.Email, p.Phone, p.RoleEndedOn, o.Name, o.Street, o.PostalCode, o.City })
                     .ToListAsync(ct))
        {
            var current = x.RoleEndedOn is null || x.RoleEndedOn > today;
            people[x.SubjectId] = current
                ? new(x.SubjectId, kindOf[x.SubjectId], $"{x.FirstName} {x.LastName}".Trim(), x.Name, x.Email, x.Phone, x.Street, x.PostalCode, x.City)
                : new(x.SubjectId, kindOf[x.SubjectId], $"{x.FirstName} {x.LastName}".Trim(), x.Name, null, null, null, null, null);
        }

        foreach (var o in await db.Set<Organisation>().AsNoTracking().Where(o => o.SubjectId != null && ids.Contains(o.SubjectId.Value))
                     .Select(o => new { SubjectId = o.SubjectId!.Value, o.Name, o.Street, o.PostalCode, o.City }).ToListAsync(ct))
        {
            if (!people.ContainsKey(o.SubjectId))
            {
                people[o.SubjectId] = new(o.SubjectId, kindOf[o.SubjectId], o.Name, null, null, null, o.Street, o.PostalCode, o.City);
            }
        }

        return people;
    }
}
