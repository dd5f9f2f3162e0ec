using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Notice;

/// <summary>
/// One published version of the privacy notice: its number, when it came into force, the notice as published in each
/// language (<see cref="NoticeDocument"/> as JSON) and the hash of that text, which the current notice is compared with.
/// Rows are only added.
/// </summary>
public sealed class NoticeVersion
{
    public int Number { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>SHA-256 (hex) of the notice in every language as its inputs render it (<see cref="NoticeVersions.Hash"/>).</summary>
    public string InputsHash { get; set; } = "";

    public string TextFi { get; set; } = "";

    public string TextSv { get; set; } = "";

    public string TextEn { get; set; } = "";
}

internal sealed class NoticeVersionConfiguration : IEntityTypeConfiguration<NoticeVersion>
{
    public void Configure(EntityTypeBuilder<NoticeVersion> b)
    {
        b.ToTable("notice_versions");
        b.IsOutsideRegister("the controller's published privacy notice: names no data subject");
        b.HasKey(v => v.Number);
        b.Property(v => v.Number).ValueGeneratedNever();
        b.Property(v => v.InputsHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.TextFi).IsRequired();
        b.Property(v => v.TextSv).IsRequired();
        b.Property(v => v.TextEn).IsRequired();
    }
}
