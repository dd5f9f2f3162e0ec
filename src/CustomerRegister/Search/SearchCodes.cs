using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Search;

/// <summary>A number a hit was found by, as recorded: <c>customer_number</c>, <c>contract_number</c> or <c>registration</c>.</summary>
public sealed record MatchedCode(string Kind, string Value);

/// <summary>
/// Which customer, contract or registration number a hit was found by, as the record spells it ("RR-1001", not the
/// index term "RR1001"). Only hits that matched a code field are looked up, so a caller who may not search by a
/// field (its category unreadable) never sees its numbers either.
/// </summary>
public static class SearchCodes
{
    public const string CustomerNumber = SearchIndex.CustomerNumberField;
    public const string ContractNumber = "contract_number";
    public const string Registration = SearchIndex.RegistrationField;

    /// <summary>At most this many numbers are named per hit; the rest are still behind the hit's page.</summary>
    public const int PerHit = 3;

    public static async Task<List<SearchHit>> NameAsync(RegisterDbContext db, List<SearchHit> hits, string query, CancellationToken ct)
    {
        var code = SearchText.Code(query);
        var byNumber = hits.Where(h => h.MatchedFields.Contains(SearchIndex.CustomerNumberField)).ToList();
        var byRegistration = hits.Where(h => h.MatchedFields.Contains(SearchIndex.RegistrationField) && h.Kind == SearchTarget.Consumer).ToList();
        if (code.Length == 0 || (byNumber.Count == 0 && byRegistration.Count == 0))
        {
            return hits;
        }

        var found = new Dictionary<Guid, List<MatchedCode>>();
        void Add(Guid hit, string kind, string value)
        {
            if (SearchText.Code(value).StartsWith(code, StringComparison.Ordinal))
            {
                (found.TryGetValue(hit, out var list) ? list : found[hit] = []).Add(new(kind, value));
            }
        }

        if (byNumber.Count > 0)
        {
            // A consumer's relationships carry its subject and no organisation; an organisation's carry the organisation.
            var organisations = byNumber.Where(h => h.Kind == SearchTarget.Organisation).Select(h => h.Id).ToList();
            var subjects = byNumber.Where(h => h.Kind == SearchTarget.Consumer && h.SubjectId is not null).ToDictionary(h => h.SubjectId!.Value, h => h.Id);
            var subjectIds = subjects.Keys.ToList();
            var relationships = await db.Set<CustomerRelationship>().AsNoTracking()
                .Where(r => (r.OrganisationId != null && organisations.Contains(r.OrganisationId.Value))
                    || (r.OrganisationId == null && r.SubjectId != null && subjectIds.Contains(r.SubjectId.Value)))
                .Select(r => new { r.Id, r.SubjectId, r.OrganisationId, r.CustomerNumber }).ToListAsync(ct);
            var hitOf = relationships.ToDictionary(r => r.Id, r => r.OrganisationId ?? subjects[r.SubjectId!.Value]);
            foreach (var r in relationships.OrderBy(r => r.CustomerNumber, StringComparer.Ordinal))
            {
                Add(hitOf[r.Id], CustomerNumber, r.CustomerNumber);
            }

            var relationshipIds = hitOf.Keys.ToList();
            var contracts = await db.Set<Contract>().AsNoTracking().Where(c => relationshipIds.Contains(c.RelationshipId))
                .Select(c => new { c.RelationshipId, c.ContractNumber }).ToListAsync(ct);
            foreach (var c in contracts.OrderBy(c => c.ContractNumber, StringComparer.Ordinal))
            {
                Add(hitOf[c.RelationshipId], ContractNumber, c.ContractNumber);
            }
        }

        if (byRegistration.Count > 0)
        {
            var consumers = byRegistration.Select(h => h.Id).ToList();
            var certificates = await db.Set<ScrappingCertificate>().AsNoTracking().Where(c => consumers.Contains(c.ConsumerId))
                .Select(c => new { c.ConsumerId, c.RegistrationNumber }).Distinct().ToListAsync(ct);
            foreach (var c in certificates.OrderBy(c => c.RegistrationNumber, StringComparer.Ordinal))
            {
                Add(c.ConsumerId, Registration, c.RegistrationNumber);
            }
        }

        return [.. hits.Select(h => found.TryGetValue(h.Id, out var codes)
            ? h with { Codes = [.. codes.DistinctBy(c => (c.Kind, c.Value)).Take(PerHit)] }
            : h)];
    }
}
