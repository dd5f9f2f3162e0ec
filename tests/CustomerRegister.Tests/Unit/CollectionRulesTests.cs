using System.Text;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Tests.Unit;

/// <summary>The collection hand-over as pure rules: which columns the agency's file has, and the agency's status rows.</summary>
public sealed class CollectionRulesTests
{
    private static readonly string[] EverythingAllowed = [.. Categories.All.Select(c => c.Id)];

    private static readonly string[] AllButIdentityCode = [.. CollectionExportColumns.Required.Select(c => c.Id)];

    [Fact]
    public void TheFileNeverHasAColumnForEmailPhoneOrMarketingEvenWhenTheRecipientWouldBeAllowedThem()
    {
        var columns = CollectionExportColumns.For(EverythingAllowed);
        var categories = CollectionExportColumns.CategoriesOf(columns);
        Assert.DoesNotContain(Categories.Email.Id, categories);
        Assert.DoesNotContain(Categories.Phone.Id, categories);
        Assert.DoesNotContain(Categories.MarketingPermission.Id, categories);
        Assert.All(categories, c => Assert.Contains(c, CollectionExportColumns.Requested.Select(r => r.Id)));
        Assert.DoesNotContain(columns, c => c.Header.Contains("mail", StringComparison.OrdinalIgnoreCase)
                                            || c.Header.Contains("phone", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheIdentityCodeColumnIsThereOnlyWhenTheRecipientMayReceiveIt()
    {
        Assert.DoesNotContain(CollectionExportColumns.For(AllButIdentityCode), c => c.Header == CollectionExportColumns.IdentityCode);
        Assert.Contains(CollectionExportColumns.For([.. AllButIdentityCode, Categories.IdentityCode.Id]),
            c => c.Header == CollectionExportColumns.IdentityCode);
        Assert.Empty(CollectionExportColumns.Missing(AllButIdentityCode));
    }

    [Fact]
    public void ARecipientThatMayNotReceiveTheDebtorsNameOrAddressCannotBeSentTheFile()
    {
        var missing = CollectionExportColumns.Missing([Categories.Collection.Id, Categories.Invoice.Id, Categories.Payment.Id]);
        Assert.Equal([Categories.Name, Categories.Address], missing);
    }

    [Fact]
    public void AValueOfAColumnTheAgencyMayNotReceiveIsNotWritten()
    {
        var columns = CollectionExportColumns.For(AllButIdentityCode);
        var row = new Dictionary<string, string?>
        {
            [CollectionExportColumns.CaseReference] = "c1",
            [CollectionExportColumns.DebtorName] = "=Maija; \"Meikäläinen\"",
            [CollectionExportColumns.IdentityCode] = "010101-123N",
        };
        var text = Encoding.UTF8.GetString(CollectionFile.Write(columns, [row]));
        Assert.DoesNotContain("010101-123N", text);
        Assert.DoesNotContain(CollectionExportColumns.IdentityCode, text);

        // Quoted for the separator and the quotes, and escaped so that a spreadsheet does not run it as a formula.
        Assert.Contains("\"'=Maija; \"\"Meikäläinen\"\"\"", text);
        Assert.StartsWith("case_reference;row_type;debtor_name;street;postal_code;city;invoice_number;", text);
    }

    [Fact]
    public void AStatusRowIsParsedOrRefusedNamingItsLine()
    {
        var id = Guid.NewGuid();
        var errors = new FieldErrors();
        var ok = CollectionStatusRules.Parse(new CollectionFile.StatusRow(2, id.ToString(), "paid", "2026-11-30", "120,50"), errors);
        Assert.Equal(new CollectionStatusRules.StatusLine(2, id, AgencyStatus.Paid, new DateOnly(2026, 11, 30), 120.50m), ok);
        Assert.False(errors.Any);

        Assert.Null(CollectionStatusRules.Parse(new CollectionFile.StatusRow(3, "x", "SOLD", "30.11.2026", "-1"), errors));
        var messages = errors.ToDictionary("fi");
        Assert.Equal(["Rivi 3: perintätapauksen viite puuttuu tai ei ole kelvollinen."], messages["rows[3].case_reference"]);
        Assert.StartsWith("Rivi 3: tila puuttuu tai on tuntematon", messages["rows[3].status"][0]);
        Assert.Equal(["Rivi 3: päivämäärä puuttuu tai ei ole muotoa vvvv-kk-pp."], messages["rows[3].date"]);
        Assert.StartsWith("Rivi 3: peritty summa ei ole kelvollinen", messages["rows[3].amount_paid"][0]);

        var paidWithoutAmount = new FieldErrors();
        Assert.Null(CollectionStatusRules.Parse(new CollectionFile.StatusRow(4, id.ToString(), "PAID", "2026-11-30", null), paidWithoutAmount));
        Assert.Contains("rows[4].amount_paid", paidWithoutAmount.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("12.5", "12.5")]
    [InlineData("0", "0")]
    [InlineData("1234,50", "1234.50")]
    [InlineData("1.234", null)]
    [InlineData("-3", null)]
    [InlineData("12e3", null)]
    public void AnAmountHasAtMostTwoDecimalsAndIsNeverNegative(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CollectionStatusRules.ParseAmount(text));
    }

    [Fact]
    public void ARowIsCheckedAgainstItsCase()
    {
        var today = new DateOnly(2026, 12, 6);
        var line = new CollectionStatusRules.StatusLine(5, Guid.NewGuid(), AgencyStatus.InProgress, new DateOnly(2026, 12, 7), 500m);
        var open = new CollectionStatusRules.CaseFacts(CollectionStatus.Open, true, new DateOnly(2026, 11, 1), 400m, null);

        var errors = new FieldErrors();
        CollectionStatusRules.Check(line, open, today, errors);
        var messages = errors.ToDictionary("fi");
        Assert.Equal(["Rivi 5: päivämäärä on tulevaisuudessa."], messages["rows[5].date"]);
        Assert.Equal(["Rivi 5: peritty summa on suurempi kuin tapauksen laskut yhteensä (400.00)."], messages["rows[5].amount_paid"]);

        errors = new FieldErrors();
        CollectionStatusRules.Check(line with { On = today, AmountPaid = 50m }, open with { EarlierPaid = 80m }, today, errors);
        Assert.Equal(["Rivi 5: peritty summa on pienempi kuin aiemmin ilmoitettu (80.00)."], errors.ToDictionary("fi")["rows[5].amount_paid"]);

        errors = new FieldErrors();
        CollectionStatusRules.Check(line with { On = today }, open with { HandedOver = false, InvoicedTotal = 900m }, today, errors);
        Assert.Equal(["Rivi 5: tapausta ei ole vielä lähetetty perintätoimistolle."], errors.ToDictionary("fi")["rows[5].case_reference"]);

        errors = new FieldErrors();
        CollectionStatusRules.Check(line, null, today, errors);
        Assert.Equal(["Rad 5: inget indrivningsärende har denna referens."], errors.ToDictionary("sv")["rows[5].case_reference"]);
    }

    [Theory]
    [InlineData(AgencyStatus.InProgress, InvoiceStatus.InCollection, 0, InvoiceStatus.InCollection)]
    [InlineData(AgencyStatus.Paid, InvoiceStatus.InCollection, 0, InvoiceStatus.Paid)]
    [InlineData(AgencyStatus.Returned, InvoiceStatus.InCollection, 0, InvoiceStatus.Open)]
    [InlineData(AgencyStatus.Ended, InvoiceStatus.InCollection, 100, InvoiceStatus.Paid)]
    [InlineData(AgencyStatus.Paid, InvoiceStatus.Paid, 100, InvoiceStatus.Paid)]
    public void AnAgencyStatusMovesTheCasesInvoices(AgencyStatus status, InvoiceStatus current, int paid, InvoiceStatus expected)
    {
        Assert.Equal(expected, CollectionStatusRules.InvoiceAfter(status, current, 100m, paid));
        Assert.Equal(status != AgencyStatus.InProgress, CollectionStatusRules.ClosesCase(status));
    }

    [Fact]
    public void AStatusFileWithoutItsColumnsOrWithTooManyRowsIsRefusedWhole()
    {
        var missing = CollectionFile.ReadStatuses(Encoding.UTF8.GetBytes("case_reference;status\nx;PAID\n"));
        Assert.Equal(["date", "amount_paid"], missing.MissingColumns);

        var rows = CollectionFile.ReadStatuses(Encoding.UTF8.GetBytes("case_reference;status;date;amount_paid\r\na;PAID;2026-01-02;3.00\r\n\r\nb;ENDED;2026-01-03;\r\n"));
        Assert.Equal(2, rows.Rows.Count);
        Assert.Equal(new CollectionFile.StatusRow(2, "a", "PAID", "2026-01-02", "3.00"), rows.Rows[0]);
        Assert.Null(rows.Rows[1].AmountPaid);

        var many = new StringBuilder("case_reference;status;date;amount_paid\n");
        for (var i = 0; i <= CollectionFile.MaxStatusRows; i++)
        {
            many.Append("a;PAID;2026-01-02;1\n");
        }

        Assert.True(CollectionFile.ReadStatuses(Encoding.UTF8.GetBytes(many.ToString())).TooManyRows);
    }
}
