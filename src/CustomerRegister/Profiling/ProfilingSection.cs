using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Profiling;

/// <summary>The person's profiling results in words, for the person's picture and page (panel "Profilointi").</summary>
public sealed class ProfilingSection(IOptions<ProfilingOptions> options) : ISubjectSection
{
    public string Name => "profiling";

    public string ReadPermission => Permissions.MarketingRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.Profiling];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var profile = await ProfileQueries.LoadAsync(db, subjectId, options.Value, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        return profile.Stopped || profile.Results.Count > 0 ? profile : null;
    }
}
