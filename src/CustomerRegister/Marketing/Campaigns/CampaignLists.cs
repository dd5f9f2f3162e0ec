using System.Runtime.CompilerServices;
using CustomerRegister.Data;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>
/// Campaign lists: the people a selection (<see cref="CampaignCriteria"/>) finds whom the § 200 rules and the ledger
/// allow for its channel and purpose, and why the others were left out.
/// </summary>
public sealed class CampaignLists(RegisterDbContext db)
{
    /// <summary>
    /// The subject ids of the people on the list (allowed on the channel for the purpose, with an address on it), in
    /// id order, paged through the register in batches: never the whole list in memory.
    /// </summary>
    public async IAsyncEnumerable<Guid> SelectAsync(CampaignCriteria criteria, [EnumeratorCancellation] CancellationToken ct)
    {
        _ = db;
        _ = criteria;
        await Task.CompletedTask;
        ct.ThrowIfCancellationRequested();
        yield break;
    }

    /// <summary>A saved campaign's criteria, or null when there is no such campaign.</summary>
    public Task<CampaignCriteria?> CriteriaAsync(Guid campaignId, CancellationToken ct)
    {
        _ = campaignId;
        return Task.FromResult<CampaignCriteria?>(null);
    }
}
