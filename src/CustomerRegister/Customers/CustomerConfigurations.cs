using CustomerRegister.Catalog;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Customers;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.Property(o => o.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(o => o.SubjectId).IsNotPersonal("the subject key of a sole trader");
        b.HasIndex(o => o.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(o => o.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Name).HasMaxLength(200).IsPersonal(Categories.SoleTrader);
        b.Property(o => o.BusinessId).HasMaxLength(9).IsPersonal(Categories.SoleTrader);
        b.HasIndex(o => o.BusinessId).IsUnique();
        b.Property(o => o.Street).HasMaxLength(200).IsPersonal(Categories.SoleTrader);
        b.Property(o => o.PostalCode).HasMaxLength(5).IsPersonal(Categories.SoleTrader);
        b.Property(o => o.City).HasMaxLength(100).IsPersonal(Categories.SoleTrader);

        // An import's match by name and address (Imports/): the candidates of a file's postal codes and names.
        b.HasIndex(o => new { o.PostalCode, o.Name });
        b.Property(o => o.IsSoleTrader).IsNotPersonal("decides whether the organisation's data is personal");
        b.Property(o => o.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
        b.Property(o => o.CreatedAt).IsNotPersonal("record time");
        b.Property(o => o.UpdatedAt).IsNotPersonal("record time");
        b.Property(o => o.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.ConfigureSubjectRecord("contact_persons");
        b.Property(c => c.OrganisationId).IsNotPersonal("link to the organisation");
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.OrganisationId);
        b.Property(c => c.FirstName).HasMaxLength(100).IsPersonal(Categories.Name);
        b.Property(c => c.LastName).HasMaxLength(100).IsPersonal(Categories.Name);
        b.Property(c => c.Title).HasMaxLength(100).IsPersonal(Categories.Role);
        b.Property(c => c.Position).HasMaxLength(100).IsPersonal(Categories.Role);
        b.Property(c => c.Phone).HasMaxLength(20).IsPersonal(Categories.Phone);
        b.Property(c => c.Email).HasMaxLength(254).IsPersonal(Categories.Email);
        b.Property(c => c.RoleEndedOn).IsPersonal(Categories.Role);
        b.HasIndex(c => c.RoleEndedOn);
    }
}

internal sealed class ConsumerConfiguration : IEntityTypeConfiguration<Consumer>
{
    public void Configure(EntityTypeBuilder<Consumer> b)
    {
        b.ConfigureSubjectRecord("consumers");
        b.Property(c => c.FirstName).HasMaxLength(100).IsPersonal(Categories.Name);
        b.Property(c => c.LastName).HasMaxLength(100).IsPersonal(Categories.Name);
        b.Property(c => c.Street).HasMaxLength(200).IsPersonal(Categories.Address);
        b.Property(c => c.PostalCode).HasMaxLength(5).IsPersonal(Categories.Address);
        b.Property(c => c.City).HasMaxLength(100).IsPersonal(Categories.Address);
        b.HasIndex(c => new { c.PostalCode, c.LastName });
        b.Property(c => c.Phone).HasMaxLength(20).IsPersonal(Categories.Phone);
        b.Property(c => c.Email).HasMaxLength(254).IsPersonal(Categories.Email);
        b.Property(c => c.BankAccountCipher).HasMaxLength(512).IsPersonal(Categories.BankAccount);
        b.Property(c => c.BankAccountLookup).HasMaxLength(32).IsPersonal(Categories.BankAccount);
        b.HasIndex(c => c.BankAccountLookup);
        b.Property(c => c.BankAccountMasked).HasMaxLength(40).IsPersonal(Categories.BankAccount);
    }
}
