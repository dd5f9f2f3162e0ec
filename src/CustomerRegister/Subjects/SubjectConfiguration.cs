using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Subjects;

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.ToTable("subjects");
        b.Property(s => s.Id).ValueGeneratedNever().IsNotPersonal("the subject key itself: a random id with no meaning");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20).IsNotPersonal("kind of subject");
        b.Property(s => s.CreatedAt).IsNotPersonal("record time");
    }
}

public static class SubjectRecordConfiguration
{
    /// <summary>Maps the columns every <see cref="SubjectRecord"/> shares: subject key (indexed), source, times, version.</summary>
    public static EntityTypeBuilder<T> ConfigureSubjectRecord<T>(this EntityTypeBuilder<T> b, string table)
        where T : SubjectRecord
    {
        b.ToTable(table);
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.SubjectId).IsNotPersonal("the subject key");

        // The foreign key gets its index by EF's convention — unless another index starts with the subject key (contact
        // history's (subject, time, id)), which then serves both and a second one would only cost writes and bulk loads.
        b.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
        b.Property(r => r.CreatedAt).IsNotPersonal("record time");
        b.Property(r => r.UpdatedAt).IsNotPersonal("record time");
        b.Property(r => r.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
        return b;
    }
}
