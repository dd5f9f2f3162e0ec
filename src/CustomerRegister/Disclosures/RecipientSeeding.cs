using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Disclosures;

/// <summary>
/// At start: adds the configured group companies and collection agencies, and every agency a collection case names, that
/// the registry does not have yet (by name); keeps every group company's categories equal to
/// <see cref="Catalog.Recipients.GroupCompanies"/>.
/// </summary>
public sealed class RecipientSeeding(RegisterDbContext db, IOptions<DisclosuresOptions> options) : IStartupStep
{
    public async Task RunAsync(IServiceProvider services, TextWriter console, CancellationToken ct)
    {
        var known = await db.Set<Recipient>().ToListAsync(ct);
        var names = known.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groupKeys = Recipient.JoinKeys(Catalog.Recipients.GroupCompanies.Select(c => c.Id));
        foreach (var group in known.Where(r => r.Kind == RecipientKind.GroupCompany && r.CategoryKeys != groupKeys))
        {
            group.CategoryKeys = groupKeys;
        }

        foreach (var c in options.Value.GroupCompanies.Where(c => names.Add(c.Name.Trim())))
        {
            db.Add(New(c.Name, c.BusinessId, c.CountryCode, RecipientKind.GroupCompany, RecipientRole.Controller,
                LegalBasis.LegitimateInterest, groupKeys));
        }

        var agencyKeys = Recipient.JoinKeys(Catalog.Recipients.CollectionAgency.Select(c => c.Id));
        var caseAgencies = await db.Set<CollectionCase>().AsNoTracking().Select(c => c.AgencyName).Distinct().ToListAsync(ct);
        var agencies = options.Value.CollectionAgencies
            .Concat(caseAgencies.Select(n => new ConfiguredRecipient { Name = n }));
        foreach (var a in agencies.Where(a => names.Add(a.Name.Trim())))
        {
            db.Add(New(a.Name, a.BusinessId, a.CountryCode, RecipientKind.CollectionAgency, RecipientRole.Controller,
                LegalBasis.LegitimateInterest, agencyKeys));
        }

        await db.SaveChangesAsync(ct);
    }

    private static Recipient New(
        string name, string? businessId, string country, RecipientKind kind, RecipientRole role, LegalBasis basis, string keys) => new()
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            BusinessId = string.IsNullOrWhiteSpace(businessId) ? null : businessId.Trim(),
            CountryCode = EeaCountries.Normalise(country) ?? "FI",
            Kind = kind,
            Role = role,
            LegalBasis = basis,
            CategoryKeys = keys,
        };
}
