using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Search;

public enum SearchTarget
{
    Consumer = 1,
    ContactPerson = 2,
    Organisation = 3,
}

/// <summary>
/// One normalised search term (a name token, phone number, email, business ID …) pointing at a person or an
/// organisation. A prefix query is a range scan on the term index — the same B-tree plan on SQLite and
/// PostgreSQL, with cost that follows the matches, not the size of the register.
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }

    public string Term { get; set; } = "";

    /// <summary>Which field the term came from: name, phone, email, business_id.</summary>
    public string Field { get; set; } = "";

    public SearchTarget TargetKind { get; set; }

    public Guid TargetId { get; set; }

    /// <summary>The person the term belongs to (null for an organisation that is not a sole trader).</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>
    /// The target's name folded for ordering ("makinen aino"), so that a query returns the first page in name order
    /// from the index alone instead of loading every match.
    /// </summary>
    public string? SortKey { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("search_entries");
        b.Property(e => e.Id).ValueGeneratedOnAdd().IsNotPersonal("row id");
        b.Property(e => e.Term).HasMaxLength(254).IsPersonal(Categories.SearchIndex);
        b.Property(e => e.Field).HasMaxLength(20).IsNotPersonal("name of the source field");
        b.Property(e => e.TargetKind).HasConversion<string>().HasMaxLength(20).IsNotPersonal("kind of record found");
        b.Property(e => e.TargetId).IsNotPersonal("id of the record found");
        b.Property(e => e.SubjectId).IsNotPersonal("the subject key");
        b.Property(e => e.SortKey).HasMaxLength(200).IsPersonal(Categories.SearchIndex);
        b.HasIndex(e => new { e.Field, e.Term });
        b.HasIndex(e => e.TargetId);
        b.HasIndex(e => e.SubjectId);
    }
}
