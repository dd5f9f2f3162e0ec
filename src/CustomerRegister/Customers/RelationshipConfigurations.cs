using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Customers;

internal static class VersionedColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b)
        where T : class, IVersioned
    {
        b.Property(r => r.CreatedAt).IsNotPersonal("record time");
        b.Property(r => r.UpdatedAt).IsNotPersonal("record time");
        b.Property(r => r.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
    }
}

internal sealed class CustomerRelationshipConfiguration : IEntityTypeConfiguration<CustomerRelationship>
{
    public void Configure(EntityTypeBuilder<CustomerRelationship> b)
    {
        b.ToTable("customer_relationships").RetainedFrom(nameof(CustomerRelationship.EndDate));
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.SubjectId).IsNotPersonal("the subject key of a consumer or sole trader");
        b.HasIndex(r => r.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.OrganisationId).IsNotPersonal("link to the organisation");
        b.HasIndex(r => r.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Personal only when SubjectId is set (consumer or sole trader), as with an organisation's own data.
        b.Property(r => r.CustomerNumber).HasMaxLength(RelationshipRules.MaxNumberLength).IsPersonal(Categories.CustomerRelationship);
        b.HasIndex(r => r.CustomerNumber).IsUnique();
        b.Property(r => r.StartDate).IsPersonal(Categories.CustomerRelationship);
        b.Property(r => r.EndDate).IsPersonal(Categories.CustomerRelationship);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.CustomerRelationship);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
        VersionedColumns.Configure(b);
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("contracts").RetainedFrom(nameof(Contract.EndDate));
        b.Property(c => c.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(c => c.RelationshipId).IsNotPersonal("link to the relationship, which holds the subject key");
        b.HasIndex(c => c.RelationshipId);
        b.HasOne<CustomerRelationship>().WithMany().HasForeignKey(c => c.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ContractNumber).HasMaxLength(RelationshipRules.MaxNumberLength).IsPersonal(Categories.CustomerRelationship);
        b.HasIndex(c => c.ContractNumber).IsUnique();
        b.Property(c => c.Title).HasMaxLength(200).IsPersonal(Categories.CustomerRelationship);
        b.Property(c => c.StartDate).IsPersonal(Categories.CustomerRelationship);
        b.Property(c => c.EndDate).IsPersonal(Categories.CustomerRelationship);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.CustomerRelationship);
        VersionedColumns.Configure(b);
    }
}

internal sealed class OrderedServiceConfiguration : IEntityTypeConfiguration<OrderedService>
{
    public void Configure(EntityTypeBuilder<OrderedService> b)
    {
        b.ToTable("ordered_services");
        b.Property(s => s.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(s => s.RelationshipId).IsNotPersonal("link to the relationship, which holds the subject key");
        b.HasIndex(s => s.RelationshipId);
        b.HasOne<CustomerRelationship>().WithMany().HasForeignKey(s => s.RelationshipId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ContractId).IsNotPersonal("link to the contract");
        b.HasIndex(s => s.ContractId);
        b.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ServiceName).HasMaxLength(200).IsPersonal(Categories.OrderedServices);
        b.Property(s => s.OrderedDate).IsPersonal(Categories.OrderedServices);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.OrderedServices);
        VersionedColumns.Configure(b);
    }
}

internal sealed class ServiceEventConfiguration : IEntityTypeConfiguration<ServiceEvent>
{
    public void Configure(EntityTypeBuilder<ServiceEvent> b)
    {
        b.ToTable("service_events");
        b.Property(e => e.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(e => e.ServiceId).IsNotPersonal("link to the ordered service");
        b.HasIndex(e => e.ServiceId);
        b.HasOne<OrderedService>().WithMany().HasForeignKey(e => e.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.OrderedServices);
        b.Property(e => e.Date).IsPersonal(Categories.OrderedServices);
        b.Property(e => e.Reason).HasMaxLength(RelationshipRules.MaxReasonLength).IsPersonal(Categories.OrderedServices);
        b.Property(e => e.ReportedBy).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.OrderedServices);

        // Which contact person called to cancel says something about that person; erasing them clears the link.
        b.Property(e => e.ContactPersonId).IsPersonal(Categories.OrderedServices);
        b.HasIndex(e => e.ContactPersonId);
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(e => e.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        b.Property(e => e.RecordedByUserId).IsNotPersonal("the staff member who recorded it: a staff account, not register data");
        b.Property(e => e.CreatedAt).IsNotPersonal("record time");
    }
}

internal sealed class ContactHistoryEntryConfiguration : IEntityTypeConfiguration<ContactHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ContactHistoryEntry> b)
    {
        // The start page: the latest contacts across all customers.
        b.HasIndex(e => new { e.OccurredAt, e.Id });
        b.ConfigureSubjectRecord("contact_history");
        b.HasIndex(e => new { e.SubjectId, e.OccurredAt, e.Id });
        b.Property(e => e.Channel).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.ContactHistory);
        b.Property(e => e.Direction).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.ContactHistory);
        b.Property(e => e.OccurredAt).IsPersonal(Categories.ContactHistory);
        b.Property(e => e.Summary).HasMaxLength(RelationshipRules.MaxSummaryLength).IsPersonal(Categories.ContactHistory);
        b.Property(e => e.StaffUserId).IsNotPersonal("the staff member: a staff account, not the subject's data");
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.StaffUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        // The start page: open feedback, newest first.
        b.HasIndex(f => new { f.Handled, f.ReceivedAt, f.Id });
        b.ConfigureSubjectRecord("feedback");
        b.Property(f => f.ReceivedAt).IsPersonal(Categories.Feedback);
        b.Property(f => f.Channel).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.Feedback);
        b.Property(f => f.Text).HasMaxLength(RelationshipRules.MaxFeedbackLength).IsPersonal(Categories.Feedback);
        b.Property(f => f.Rating).IsPersonal(Categories.Feedback);
        b.Property(f => f.Handled).IsNotPersonal("our own handling state");
    }
}

internal sealed class AdditionalInfoConfiguration : IEntityTypeConfiguration<AdditionalInfo>
{
    public void Configure(EntityTypeBuilder<AdditionalInfo> b)
    {
        b.ConfigureSubjectRecord("additional_info");
        b.Property(a => a.Text).HasMaxLength(RelationshipRules.MaxSummaryLength).IsPersonal(Categories.AdditionalInfo);
        b.Property(a => a.ConsentText).HasMaxLength(1000).IsPersonal(Categories.AdditionalInfo);
        b.Property(a => a.ConsentVersion).HasMaxLength(50).IsPersonal(Categories.AdditionalInfo);
        b.Property(a => a.ConsentedAt).IsPersonal(Categories.AdditionalInfo);
        b.Property(a => a.NoticeVersion).IsPersonal(Categories.AdditionalInfo);
    }
}
