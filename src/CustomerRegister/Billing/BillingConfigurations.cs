using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Billing;

internal static class BillingRecordConfiguration
{
    public static EntityTypeBuilder<T> ConfigureBillingRecord<T>(this EntityTypeBuilder<T> b, string table)
        where T : BillingRecord
    {
        b.ToTable(table);
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.SubjectId).IsNotPersonal("the subject key; null when the customer is an organisation, not a person");
        b.HasIndex(r => r.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.ConsumerId).IsNotPersonal("link to the consumer customer");
        b.HasIndex(r => r.ConsumerId);
        b.HasOne<Consumer>().WithMany().HasForeignKey(r => r.ConsumerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.OrganisationId).IsNotPersonal("link to the organisation customer");
        b.HasIndex(r => r.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
        b.Property(r => r.CreatedAt).IsNotPersonal("record time");
        b.Property(r => r.UpdatedAt).IsNotPersonal("record time");
        b.Property(r => r.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
        return b;
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        // The billing desk's worklist: unpaid invoices (open or in collection) by due date, read in index order.
        b.HasIndex(i => new { i.DueDate, i.Id })
            .HasFilter($"status IN ('{nameof(InvoiceStatus.Open)}', '{nameof(InvoiceStatus.InCollection)}')");
        b.ConfigureBillingRecord("invoices").RetainedFrom(nameof(Invoice.FinancialYearEnd));
        b.Property(i => i.InvoiceNumber).HasMaxLength(30).IsPersonal(Categories.Invoice);
        b.HasIndex(i => i.InvoiceNumber).IsUnique();
        b.Property(i => i.IssueDate).IsPersonal(Categories.Invoice);

        // The profile rule finds people whose last invoice was issued before its bound (a customer without a relationship).
        b.HasIndex(i => new { i.IssueDate, i.SubjectId });
        b.Property(i => i.DueDate).IsPersonal(Categories.Invoice);
        b.Property(i => i.FinancialYearEnd).IsNotPersonal("the company's financial year the voucher belongs to; drives its retention");
        b.Property(i => i.Amount).HasPrecision(14, 2).IsPersonal(Categories.Invoice);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.Invoice);
        b.Property(i => i.CollectionCaseId).IsNotPersonal("link to the collection case");
        b.HasIndex(i => i.CollectionCaseId);
        b.HasOne<CollectionCase>().WithMany().HasForeignKey(i => i.CollectionCaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.RelationshipId).IsNotPersonal("link to the customer relationship the sale rests on");
        b.HasIndex(i => i.RelationshipId);
        b.HasOne<CustomerRelationship>().WithMany().HasForeignKey(i => i.RelationshipId).OnDelete(DeleteBehavior.Restrict).KeepsPrincipal();
        b.Property(i => i.BillingName).HasMaxLength(200).IsPersonal(Categories.Invoice);
        b.Property(i => i.BillingStreet).HasMaxLength(200).IsPersonal(Categories.Invoice);
        b.Property(i => i.BillingPostalCode).HasMaxLength(5).IsPersonal(Categories.Invoice);
        b.Property(i => i.BillingCity).HasMaxLength(100).IsPersonal(Categories.Invoice);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ConfigureBillingRecord("payments").RetainedFrom(nameof(Payment.PaidAt));
        b.Property(p => p.InvoiceId).IsNotPersonal("link to the invoice");
        b.HasIndex(p => p.InvoiceId);
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.PaidAt).IsPersonal(Categories.Payment);
        b.Property(p => p.Amount).HasPrecision(14, 2).IsPersonal(Categories.Payment);
        b.Property(p => p.Reference).HasMaxLength(35).IsPersonal(Categories.Payment);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.Payment);
    }
}

internal sealed class CollectionCaseConfiguration : IEntityTypeConfiguration<CollectionCase>
{
    public void Configure(EntityTypeBuilder<CollectionCase> b)
    {
        // The billing desk: open cases, longest open first.
        b.HasIndex(c => new { c.Status, c.OpenedAt, c.Id });
        b.ConfigureBillingRecord("collection_cases").RetainedFrom(nameof(CollectionCase.ClosedAt));
        b.Property(c => c.OpenedAt).IsPersonal(Categories.Collection);
        b.Property(c => c.AgencyName).HasMaxLength(200).IsPersonal(Categories.Collection);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.Collection);
        b.Property(c => c.ClosedAt).IsPersonal(Categories.Collection);
        b.Property(c => c.HandedOverAt).IsPersonal(Categories.Collection);
        b.Property(c => c.AgencyStatus).HasConversion<string>().HasMaxLength(20).IsPersonal(Categories.Collection);
        b.Property(c => c.AgencyStatusOn).IsPersonal(Categories.Collection);
        b.Property(c => c.AgencyPaid).HasPrecision(14, 2).IsPersonal(Categories.Collection);
    }
}

internal sealed class MetalCreditPayoutConfiguration : IEntityTypeConfiguration<MetalCreditPayout>
{
    public void Configure(EntityTypeBuilder<MetalCreditPayout> b)
    {
        // The reception desk: the day's payouts.
        b.HasIndex(p => p.PaidOn);
        b.ConfigureSubjectRecord("metal_credit_payouts").RetainedFrom(nameof(MetalCreditPayout.PaidOn));
        b.Property(p => p.ConsumerId).IsNotPersonal("link to the consumer");
        b.HasIndex(p => p.ConsumerId);
        b.HasOne<Consumer>().WithMany().HasForeignKey(p => p.ConsumerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.RelationshipId).IsNotPersonal("link to the customer relationship the purchase rests on");
        b.HasIndex(p => p.RelationshipId);
        b.HasOne<CustomerRelationship>().WithMany().HasForeignKey(p => p.RelationshipId).OnDelete(DeleteBehavior.Restrict).KeepsPrincipal();
        b.Property(p => p.PaidOn).IsPersonal(Categories.MetalCredit);
        b.Property(p => p.Amount).HasPrecision(14, 2).IsPersonal(Categories.MetalCredit);
        b.Property(p => p.WeightKg).HasPrecision(12, 3).IsPersonal(Categories.MetalCredit);
        b.Property(p => p.Material).HasMaxLength(100).IsPersonal(Categories.MetalCredit);

        // The account is part of the payment voucher, so it follows the voucher's retention (billing.metal_credit),
        // not the profile's bank account; it is still encrypted, masked and revealed only with BankAccount.Reveal.
        b.Property(p => p.BankAccountCipher).HasMaxLength(512).IsPersonal(Categories.MetalCredit);
        b.Property(p => p.BankAccountMasked).HasMaxLength(40).IsPersonal(Categories.MetalCredit);
    }
}
