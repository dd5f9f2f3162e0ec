using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>
/// A saved campaign list: its name and criteria (no person in it: the list is drawn again from the register each time,
/// so a prohibition recorded since is obeyed), who made it and when.
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public MarketingChannel Channel { get; set; }

    public string Purpose { get; set; } = "";

    /// <summary>The whole <see cref="CampaignCriteria"/> as JSON (<see cref="CampaignCriteriaJson"/>).</summary>
    public string Criteria { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }
}

/// <summary>What a campaign run was: a preview of the counts and first names, or an export of the file.</summary>
public enum CampaignRunKind
{
    Preview = 1,
    Export = 2,
}

/// <summary>
/// One preview or export of a campaign: when, by whom, and the counts (selected, on the list, left out per reason) —
/// numbers only, never who. The audit event of the run points here.
/// </summary>
public sealed class CampaignRun
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public CampaignRunKind Kind { get; set; }

    public DateTime At { get; set; }

    public Guid? By { get; set; }

    public int Selected { get; set; }

    public int Included { get; set; }

    public int NoConsent { get; set; }

    public int Prohibition { get; set; }

    public int Restriction { get; set; }

    public int Objection { get; set; }

    public int IndustryOptOut { get; set; }

    public int NoAddress { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("marketing_campaigns");
        b.HasIndex(c => c.CreatedAt);
        b.Property(c => c.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(c => c.Name).HasMaxLength(200).IsNotPersonal("the campaign's name");
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10).IsNotPersonal("the campaign's channel");
        b.Property(c => c.Purpose).HasMaxLength(40).IsNotPersonal("the campaign's purpose");
        b.Property(c => c.Criteria).HasMaxLength(2000).IsNotPersonal("the campaign's selection criteria");
        b.Property(c => c.CreatedAt).IsNotPersonal("record time");
        b.Property(c => c.CreatedBy).IsNotPersonal("staff user");
    }
}

internal sealed class CampaignRunConfiguration : IEntityTypeConfiguration<CampaignRun>
{
    public void Configure(EntityTypeBuilder<CampaignRun> b)
    {
        b.ToTable("marketing_campaign_runs");
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.CampaignId, r.At });
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.CampaignId).IsNotPersonal("the campaign");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10).IsNotPersonal("preview or export");
        b.Property(r => r.At).IsNotPersonal("record time");
        b.Property(r => r.By).IsNotPersonal("staff user");
        foreach (var count in new[]
                 {
                     nameof(CampaignRun.Selected), nameof(CampaignRun.Included), nameof(CampaignRun.NoConsent), nameof(CampaignRun.Prohibition),
                     nameof(CampaignRun.Restriction), nameof(CampaignRun.Objection), nameof(CampaignRun.IndustryOptOut), nameof(CampaignRun.NoAddress),
                 })
        {
            b.Property(count).HasAnnotation(CatalogModelExtensions.NotPersonalAnnotation, "a count of people, nobody's data");
        }
    }
}
