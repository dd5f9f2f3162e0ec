using System.Text.RegularExpressions;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Search;

public sealed record SearchHit(SearchTarget Kind, Guid Id, Guid? SubjectId, string Name, string? Organisation, IReadOnlyList<string> MatchedFields)
{
    /// <summary>The customer, contract or registration numbers the hit was found by, as recorded (<see cref="SearchCodes"/>).</summary>
    public IReadOnlyList<MatchedCode> Codes { get; init; } = [];
}

/// <summary>
/// One search box for people and organisations: a name prefix (case- and accent-insensitive, every word must
/// match), a phone number in any common format, an email, a business ID, a customer or contract number, a vehicle
/// registration number.
/// </summary>
public static partial class SearchMatches
{
    /// <summary>
    /// Target id → the fields that matched: at most <paramref name="limit"/> targets per kind of match, the first ones in
    /// name order, taken from the covering index without loading the other matches. Only the <paramref name="searchable"/>
    /// fields are queried.
    /// </summary>
    public static async Task<Dictionary<Guid, HashSet<string>>> FindAsync(RegisterDbContext db, string query, int limit,
        IReadOnlySet<string> searchable, CancellationToken ct)
    {
        var result = new Dictionary<Guid, HashSet<string>>();

        if (BusinessIdPattern().IsMatch(query) && BusinessId.TryParse(query, out var businessId, out _))
        {
            await AddAsync(db, searchable, result, SearchIndex.BusinessIdField, [businessId.Value], exact: true, limit, ct);
            return result;
        }

        if (query.Contains('@'))
        {
            await AddAsync(db, searchable, result, SearchIndex.EmailField, [query.ToLowerInvariant()], exact: false, limit, ct);
            return result;
        }

        var code = SearchText.Code(query);
        if (code.Length >= 2 && code.Any(char.IsAsciiDigit))
        {
            foreach (var field in SearchIndex.CodeFields)
            {
                await AddAsync(db, searchable, result, field, [code], exact: false, limit, ct);
            }
        }

        if (PhonePattern().IsMatch(query))
        {
            // Typed with its trunk 0 or country code, the digits are the prefix as typed ("040 12" → 3584012): a partial
            // number like that can parse as a whole one with the 0 kept (+35804012), which would match nobody.
            var typed = query.TrimStart();
            var full = typed.StartsWith('0') || typed.StartsWith('+') ? null : PhoneNumber.NormalizeForSearch(query);
            var prefix = full is not null ? SearchIndex.PhoneTerm(full) : PhonePrefix(query);
            await AddAsync(db, searchable, result, SearchIndex.PhoneField, [prefix], exact: false, limit, ct);
            return result;
        }

        // Every word must match a name word; the longest word drives the index range, the others filter it.
        var tokens = SearchText.NameTokens(query).OrderByDescending(t => t.Length).ToList();
        if (tokens.Count > 0)
        {
            await AddAsync(db, searchable, result, SearchIndex.NameField, tokens, exact: false, limit, ct);
        }

        return result;
    }

    private static async Task AddAsync(RegisterDbContext db, IReadOnlySet<string> searchable, Dictionary<Guid, HashSet<string>> into, string field, IReadOnlyList<string> terms,
        bool exact, int limit, CancellationToken ct)
    {
        if (!searchable.Contains(field))
        {
            return;
        }

        var entries = db.Set<SearchEntry>().AsNoTracking();
        var first = terms[0];
        var firstUpper = SearchText.PrefixUpperBound(first);
        var query = entries.Where(e => e.Field == field);
        query = exact
            ? query.Where(e => e.Term == first)
            : query.Where(e => string.Compare(e.Term, first) >= 0 && string.Compare(e.Term, firstUpper) < 0);
        foreach (var other in terms.Skip(1))
        {
            var upper = SearchText.PrefixUpperBound(other);
            query = query.Where(e => entries.Any(o => o.TargetId == e.TargetId && o.Field == field
                && string.Compare(o.Term, other) >= 0 && string.Compare(o.Term, upper) < 0));
        }

        // A person can match one query word twice (first and last name); read a few extra rows to fill the page.
        var ids = await query.OrderBy(e => e.SortKey).ThenBy(e => e.TargetId).Select(e => e.TargetId).Take(limit * 3).ToListAsync(ct);
        foreach (var id in ids.Distinct().Take(limit))
        {
            if (!into.TryGetValue(id, out var fields))
            {
                into[id] = fields = [];
            }

            fields.Add(field);
        }
    }

    public static async Task<List<SearchHit>> DescribeAsync(RegisterDbContext db, Dictionary<Guid, HashSet<string>> matches, int size,
        CancellationToken ct)
    {
        var ids = matches.Keys.ToList();
        var hits = new List<SearchHit>();
        var consumers = await db.Set<Consumer>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.SubjectId, c.FirstName, c.LastName }).ToListAsync(ct);
        hits.AddRange(consumers.Select(c => new SearchHit(SearchTarget.Consumer, c.Id, c.SubjectId, $"{c.LastName} {c.FirstName}", null,
            [.. matches[c.Id]])));
        var contacts = await (from c in db.Set<ContactPerson>().AsNoTracking()
                              join o in db.Set<Organisation>() on c.OrganisationId equals o.Id
                              where ids.Contains(c.Id)
                              select new { c.Id, c.SubjectId, c.FirstName, c.LastName, Organisation = o.Name }).ToListAsync(ct);
        hits.AddRange(contacts.Select(c => new SearchHit(SearchTarget.ContactPerson, c.Id, c.SubjectId, $"{c.LastName} {c.FirstName}",
            c.Organisation, [.. matches[c.Id]])));
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.SubjectId, o.Name }).ToListAsync(ct);
        hits.AddRange(organisations.Select(o => new SearchHit(SearchTarget.Organisation, o.Id, o.SubjectId, o.Name, null, [.. matches[o.Id]])));
        return [.. hits.OrderBy(h => SearchText.Fold(h.Name), StringComparer.Ordinal).ThenBy(h => h.Id).Take(size)];
    }

    /// <summary>A partial number as typed in Finland: "040 12" → "3584012", "+358 40" → "35840".</summary>
    internal static string PhonePrefix(string query)
    {
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        var plus = query.TrimStart().StartsWith('+');
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits[2..];
        }

        return !plus && digits.StartsWith('0') ? "358" + digits[1..] : digits;
    }

    [GeneratedRegex(@"^\d{7}-\d$")]
    private static partial Regex BusinessIdPattern();

    [GeneratedRegex(@"^\+?[\d\s\-()]{4,}$")]
    private static partial Regex PhonePattern();
}
