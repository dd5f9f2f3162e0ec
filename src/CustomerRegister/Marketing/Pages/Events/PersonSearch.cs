using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Search;

namespace CustomerRegister.Marketing.Pages.Events;

/// <summary>
/// Finding one person to invite or to record an answer for: the global search's use case (<see cref="SearchQueries"/>,
/// audited there), its people only (an organisation without a person of its own cannot be invited).
/// </summary>
public sealed class PersonSearch
{
    /// <summary>Where the search form sends the query (the page and its anchor).</summary>
    public string Action { get; init; } = "";

    public string? Query { get; init; }

    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>The person chosen before (kept after a refused save), checked among the hits.</summary>
    public Guid? Chosen { get; init; }

    public bool Searched => Query is not null;

    public static async Task<PersonSearch> RunAsync(
        SearchQueries search, Access access, string action, string? q, Guid? chosen, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || !await access.HasAsync(Identity.Permissions.CustomerRead))
        {
            return new PersonSearch { Action = action, Chosen = chosen };
        }

        var outcome = await search.SearchAsync(q, SearchQueries.MaxResults, ct);
        return outcome.Value is { } hits
            ? new PersonSearch
            {
                Action = action,
                Query = q,
                Chosen = chosen,
                Hits = [.. hits.Where(h => h.SubjectId is not null).DistinctBy(h => h.SubjectId)],
            }
            : new PersonSearch { Action = action, Query = q, Chosen = chosen, Error = UiText.Get("Marketing.Events.TooShort") };
    }
}
