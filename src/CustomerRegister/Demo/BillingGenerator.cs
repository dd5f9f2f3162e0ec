using System.Globalization;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;

namespace CustomerRegister.Demo;

/// <summary>
/// Invoices for every organisation and half of the consumers, with the billing name and address copied from the
/// customer as <see cref="CreateInvoice"/> does at issue, payments for most, a few collection cases, and metal-credit
/// payouts for some consumers with a bank account, encrypted as <see cref="PayMetalCredit"/> stores them.
/// </summary>
public sealed class BillingGenerator : IDemoGenerator
{
    public const float ConsumerInvoiceShare = 0.5f;
    public const float CollectionShare = 0.03f;
    public const float PayoutShare = 0.3f;

    private static readonly string[] Agencies = ["Esimerkkiperintä Oy", "Perintäpalvelu Demo Oy", "Saatavahallinta Example Oy"];

    private static readonly (string Material, decimal MinPrice, decimal MaxPrice)[] Materials =
    [
        ("Kupari", 4.5m, 7.5m), ("Messinki", 2.5m, 4.5m), ("Alumiini", 0.6m, 1.4m), ("Ruostumaton teräs", 0.6m, 1.2m),
        ("Lyijy", 0.8m, 1.5m), ("Sekametalli", 0.05m, 0.2m), ("Kaapeli", 1.0m, 3.0m), ("Akut", 0.3m, 0.6m),
    ];

    public void Generate(DemoChunk chunk)
    {
        foreach (var customer in chunk.Customers)
        {
            var r = chunk.Faker.Random;
            if (customer.Organisation is not null || r.Float() < ConsumerInvoiceShare)
            {
                Invoices(chunk, customer);
            }

            if (customer is { Consumer: { } consumer, BankAccount: { } account } && r.Float() < PayoutShare)
            {
                var payouts = r.Int(1, 3);
                for (var i = 0; i < payouts; i++)
                {
                    var (material, min, max) = chunk.Faker.PickRandom(Materials);
                    var weight = decimal.Round((decimal)r.Double(2, 400), 1);
                    var price = min + ((max - min) * (decimal)r.Double());
                    chunk.Rows.Add(chunk.Record(new MetalCreditPayout
                    {
                        ConsumerId = consumer.Id,
                        PaidOn = chunk.DateBetween(chunk.Today.AddYears(-3), chunk.Today),
                        Amount = Math.Max(0.5m, decimal.Round(weight * price, 2)),
                        WeightKg = weight,
                        Material = material,

                        // The API encrypts the account anew for every payout voucher; so does the seeder.
                        BankAccountCipher = chunk.Codes.Encrypt(account.Value),
                        BankAccountMasked = account.Masked(),
                    }, consumer.SubjectId, DataSource.OwnSystems));
                }
            }
        }
    }

    private static void Invoices(DemoChunk chunk, DemoCustomer customer)
    {
        var r = chunk.Faker.Random;
        var business = customer.Organisation is not null;
        var count = business ? r.Int(2, 5) : r.Int(1, 3);
        var collection = r.Float() < CollectionShare;
        var unpaid = new List<Invoice>();
        for (var i = 1; i <= count; i++)
        {
            var issued = chunk.DateBetween(chunk.Today.AddYears(-3), chunk.Today);
            if (collection && i == 1)
            {
                issued = chunk.DateBetween(chunk.Today.AddDays(-400), chunk.Today.AddDays(-90));
            }

            var invoice = Invoice(chunk, customer, i, issued, business ? r.Int(14, 30) : 14,
                decimal.Round((decimal)(business ? r.Double(80, 6000) : r.Double(15, 450)), 2));
            chunk.Rows.Add(invoice);
            var due = invoice.DueDate;
            var roll = r.Float();
            var paid = 0m;
            if (collection && i == 1)
            {
                unpaid.Add(invoice);
            }
            else if (due >= chunk.Today && roll < 0.8f)
            {
                // Not due yet: open.
            }
            else if (roll < 0.03f && due < chunk.Today)
            {
                invoice.Status = InvoiceStatus.Cancelled;
            }
            else if (roll < 0.08f && due < chunk.Today)
            {
                if (r.Bool())
                {
                    Pay(chunk, invoice, ref paid, decimal.Round(invoice.Amount / 2, 2), chunk.DateBetween(issued, chunk.Today));
                }
            }
            else if (roll < 0.15f && invoice.Amount > 2)
            {
                var first = decimal.Round(invoice.Amount * (decimal)r.Double(0.2, 0.8), 2);
                var firstOn = chunk.DateBetween(issued, Min(due, chunk.Today));
                Pay(chunk, invoice, ref paid, first, firstOn);
                Pay(chunk, invoice, ref paid, invoice.Amount - first, chunk.DateBetween(firstOn, Min(due.AddDays(30), chunk.Today)));
            }
            else
            {
                Pay(chunk, invoice, ref paid, invoice.Amount, chunk.DateBetween(issued, Min(due.AddDays(10), chunk.Today)));
            }
        }

        if (unpaid.Count > 0)
        {
            Collection(chunk, unpaid);
        }
    }

    private static Invoice Invoice(DemoChunk chunk, DemoCustomer customer, int ordinal, DateOnly issued, int days, decimal amount)
    {
        var billing = chunk.Billing;
        var (name, street, postalCode, city) = customer.Consumer is { } c
            ? ($"{c.FirstName} {c.LastName}", c.Street, c.PostalCode, c.City)
            : (customer.Organisation!.Name, customer.Organisation.Street, customer.Organisation.PostalCode, customer.Organisation.City);
        return new Invoice
        {
            Id = chunk.NewId(),
            SubjectId = customer.Consumer?.SubjectId ?? customer.Organisation!.SubjectId,
            ConsumerId = customer.Consumer?.Id,
            OrganisationId = customer.Organisation?.Id,
            InvoiceNumber = RelationshipsGenerator.Number("LA", customer.Position, ordinal),
            IssueDate = issued,
            DueDate = issued.AddDays(days),
            FinancialYearEnd = BillingRules.FinancialYearEnd(issued, billing.FinancialYearEndMonth, billing.FinancialYearEndDay),
            Amount = Math.Max(1m, amount),
            Status = InvoiceStatus.Open,
            BillingName = name,
            BillingStreet = street,
            BillingPostalCode = postalCode,
            BillingCity = city,
            Source = DataSource.OwnSystems,
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        };
    }

    private static void Pay(DemoChunk chunk, Invoice invoice, ref decimal paid, decimal amount, DateOnly on)
    {
        if (amount <= 0)
        {
            return;
        }

        chunk.Rows.Add(new Payment
        {
            Id = chunk.NewId(),
            InvoiceId = invoice.Id,
            SubjectId = invoice.SubjectId,
            ConsumerId = invoice.ConsumerId,
            OrganisationId = invoice.OrganisationId,
            PaidAt = chunk.TimeOn(on),
            Amount = amount,
            Reference = ReferenceOf(invoice.InvoiceNumber),
            Method = chunk.Faker.Random.Float() < 0.85f ? PaymentMethod.BankTransfer : chunk.Faker.PickRandom(PaymentMethod.Card, PaymentMethod.Offset),
            Source = DataSource.OwnSystems,
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        });
        paid += amount;
        invoice.Status = BillingRules.AfterPayment(invoice.Status, invoice.Amount, paid);
    }

    /// <summary>
    /// As POST /collection-cases: the customer's overdue open invoices go to an agency. Some cases are closed since, the
    /// debt paid during collection.
    /// </summary>
    private static void Collection(DemoChunk chunk, List<Invoice> invoices)
    {
        var r = chunk.Faker.Random;
        var first = invoices[0];
        var opened = chunk.TimeOn(chunk.DateBetween(invoices.Max(i => i.DueDate).AddDays(30), chunk.Today));
        var closed = r.Float() < 0.3f;
        var collection = new CollectionCase
        {
            Id = chunk.NewId(),
            SubjectId = first.SubjectId,
            ConsumerId = first.ConsumerId,
            OrganisationId = first.OrganisationId,
            OpenedAt = opened,
            AgencyName = chunk.Faker.PickRandom(Agencies),
            Status = CollectionStatus.Open,
            Source = DataSource.OwnSystems,
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        };
        chunk.Rows.Add(collection);
        var openedOn = DateOnly.FromDateTime(opened);
        foreach (var invoice in invoices)
        {
            invoice.Status = InvoiceStatus.InCollection;
            invoice.CollectionCaseId = collection.Id;
            if (closed)
            {
                var paid = 0m;
                Pay(chunk, invoice, ref paid, invoice.Amount, chunk.DateBetween(openedOn, chunk.Today));
            }
        }

        if (closed)
        {
            collection.Status = CollectionStatus.Closed;
            var closedAt = invoices.Count > 0 ? chunk.TimeOn(chunk.DateBetween(openedOn, chunk.Today)) : opened;
            collection.ClosedAt = closedAt < opened ? opened : closedAt;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A Finnish creditor reference (viitenumero): the invoice number's digits with the 7-3-1 check digit.</summary>
    internal static string ReferenceOf(string invoiceNumber)
    {
        var digits = new string([.. invoiceNumber.Where(char.IsAsciiDigit)]).TrimStart('0');
        digits = digits.Length < 3 ? digits.PadLeft(3, '1') : digits[^Math.Min(digits.Length, 19)..];
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[^(i + 1)] - '0') * weights[i % 3];
        }

        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
