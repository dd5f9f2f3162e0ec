using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Requests;

/// <summary>
/// One field changed under a rectification request (Art 16): the only place where the old and the new value are
/// kept. The audit trail names the field; protected codes are kept masked here.
/// </summary>
public sealed class RequestRectification
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public DateTime At { get; set; }

    public string Table { get; set; } = "";

    public string RowId { get; set; } = "";

    public string Field { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    public string CategoryId { get; set; } = "";
}

internal sealed class RequestRectificationConfiguration : IEntityTypeConfiguration<RequestRectification>
{
    public void Configure(EntityTypeBuilder<RequestRectification> b)
    {
        b.ToTable("request_rectifications");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.RequestId).IsNotPersonal("the request");
        b.HasIndex(r => new { r.RequestId, r.At });
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.At).IsNotPersonal("workflow time");
        b.Property(r => r.Table).HasMaxLength(63).IsNotPersonal("catalogue table name");
        b.Property(r => r.RowId).HasMaxLength(64).IsNotPersonal("row id");
        b.Property(r => r.Field).HasMaxLength(63).IsNotPersonal("catalogue column name");
        b.Property(r => r.Before).HasMaxLength(RectificationRules.MaxShownLength).IsPersonal(Categories.RightsRequest);
        b.Property(r => r.After).HasMaxLength(RectificationRules.MaxShownLength).IsPersonal(Categories.RightsRequest);
        b.Property(r => r.CategoryId).HasMaxLength(60).IsNotPersonal("catalogue category id");
    }
}
