using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Search;

/// <summary>The search, shared by the API and the staff pages: validates, finds, describes, audits.</summary>
public sealed class SearchQueries(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, Access access)
{
    /// <summary>The most hits one search answers; the API answers 20 unless asked for more.</summary>
    public const int MaxResults = 50;

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

    /// <summary>The hits of <paramref name="q"/> the caller may see, at most <paramref name="limit"/>; the search is audited.</summary>
    public async Task<Outcome<List<SearchHit>>> SearchAsync(string? q, int limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            errors.Add("q", FieldMessages.TooShort(2));
        }
        else if (q.Length > 200)
        {
            errors.Add("q", FieldMessages.TooLong(200));
        }

        var size = Paging.Size(errors, limit, MaxResults);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        // A field of a category the caller may not read is not searched at all: no hit, no hint, no effect on the order.
        var matches = await SearchMatches.FindAsync(db, q!.Trim(), size!.Value, await SearchableFieldsAsync(), ct);
        var hits = await SearchMatches.DescribeAsync(db, matches, size.Value, ct);

        // Restricted people (Art 18) are found by the DPO only.
        var hidden = await limits.HiddenAmongAsync([.. hits.Where(h => h.SubjectId is not null).Select(h => h.SubjectId!.Value)], ct);
        if (hidden.Count > 0)
        {
            hits = [.. hits.Where(h => h.SubjectId is not { } s || !hidden.Contains(s))];
        }

        // Found by a number: which one, as recorded (only fields the caller may search can have matched).
        hits = await SearchCodes.NameAsync(db, hits, q.Trim(), ct);

        // The query itself may be a name or a number: the audit names only the fields that matched.
        await audit.WriteAsync(new AuditEntry("search", Purposes.CustomerRelationship, EntityType: "search",
            Fields: hits.SelectMany(h => h.MatchedFields).Distinct()), ct);
        return hits;
    }
}
