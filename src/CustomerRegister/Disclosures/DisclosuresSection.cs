using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Disclosures;

/// <summary>The person's newest disclosures and how many there are in all, as the picture and the person page show them.</summary>
public sealed record DisclosuresSummary(int Count, IReadOnlyList<DisclosureResponse> Newest);

/// <summary>What was disclosed of the person, to whom and when: the person page's "Luovutukset" panel.</summary>
public sealed class DisclosuresSection : ISubjectSection
{
    public const int Shown = 20;

    public string Name => "disclosures";

    public string ReadPermission => Permissions.CustomerRead;

    /// <summary>The log holds ids and category keys, not the person's values.</summary>
    public IReadOnlyList<DataCategory> Categories { get; } = [];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var all = await RecipientQueries.DisclosuresOfAsync(db, subjectId, ct);
        return all.Count == 0 ? null : new DisclosuresSummary(all.Count, [.. all.AsEnumerable().Reverse().Take(Shown)]);
    }
}
