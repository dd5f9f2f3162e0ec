using CustomerRegister.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        // Ids, names of fields and purposes only, never values: erasure leaves nothing personal here.
        b.ToTable("audit_events").IsOutsideRegister("the audit trail: ids and field names only, never values");
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.ActorKind).HasMaxLength(16);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Purpose).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.Property(e => e.Fields).HasMaxLength(2000);
        b.Property(e => e.Grants).HasMaxLength(2000);
        b.Property(e => e.Outcome).HasMaxLength(16);
        b.Property(e => e.CorrelationId).HasMaxLength(64);
        b.HasIndex(e => new { e.SubjectId, e.Id });
        b.HasIndex(e => new { e.ActorId, e.Id });
        b.HasIndex(e => e.OccurredAt);

        // The audit page's filters by action or purpose alone, newest first: a rare action (an identity code revealed)
        // among millions of reads is found by its own index, not by walking every event back from the newest.
        b.HasIndex(e => new { e.Action, e.Id });
        b.HasIndex(e => new { e.Purpose, e.Id });
    }
}

internal sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.ToTable("audit_seals").IsOutsideRegister("hashes over audit events");
        b.HasKey(s => s.Number);
        b.Property(s => s.Number).ValueGeneratedNever();
        b.Property(s => s.Hash).HasMaxLength(64);
        b.Property(s => s.PreviousHash).HasMaxLength(64);
        b.HasIndex(s => s.LastEventId).IsUnique();
    }
}
