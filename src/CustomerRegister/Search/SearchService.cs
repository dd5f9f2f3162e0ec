using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Search;

/// <summary>The search use case, shared by the API and the staff pages: validates, finds, describes, audits.</summary>
public sealed class SearchService(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, Access access)
{
    private static IReadOnlyDictionary<string, string[]>? _readPermissions;

    /// <summary>The index fields the caller may search by: those whose source categories it may read (catalogue).</summary>
    public async Task<HashSet<string>> SearchableFieldsAsync()
    {
        var permissions = _readPermissions ??= SearchIndex.ReadPermissions(db.GetService<IDesignTimeModel>().Model);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, needed) in permissions)
        {
            var all = true;
            foreach (var permission in needed)
            {
                all &= await access.HasAsync(permission);
            }

            if (all)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    public async Task<List<SearchHit>> SearchAsync(string? q, int limit, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            errors.Add("q", "At least 2 characters.");
        }
        else if (q.Length > 200)
        {
            errors.Add("q", "At most 200 characters.");
        }

        if (limit is < 1 or > SearchApi.MaxResults)
        {
            errors.Add("limit", $"Between 1 and {SearchApi.MaxResults}.");
        }

        if (errors.Any)
        {
            return [];
        }

        // A field of a category the caller may not read is not searched at all: no hit, no hint, no effect on the order.
        var matches = await SearchApi.FindAsync(db, q!.Trim(), limit, await SearchableFieldsAsync(), ct);
        var hits = await SearchApi.DescribeAsync(db, matches, limit, ct);

        // Restricted people (Art 18) are found by the DPO only.
        var hidden = await limits.HiddenAmongAsync([.. hits.Where(h => h.SubjectId is not null).Select(h => h.SubjectId!.Value)], ct);
        if (hidden.Count > 0)
        {
            hits = [.. hits.Where(h => h.SubjectId is not { } s || !hidden.Contains(s))];
        }

        // The query itself may be a name or a number: the audit names only the fields that matched.
        await audit.WriteAsync(new AuditEntry("search", Purposes.CustomerRelationship, EntityType: "search",
            Fields: hits.SelectMany(h => h.MatchedFields).Distinct()), ct);
        return hits;
    }
}
