using CustomerRegister.Catalog;
using CustomerRegister.Requests;

namespace CustomerRegister.Tests.Unit;

public sealed class RectificationRulesTests
{
    private enum Colour
    {
        Red = 1,
        Green = 2,
    }

    private static RectifiableField Field(string column, Type type, DataCategory? category, int? max = null, bool nullable = true,
        bool protectedCode = false, string table = "consumers") =>
        new(table, column, type, nullable, max, category, IsProtectedCode: protectedCode);

    private static (object? Value, string? Shown, string? Error) Parse(RectifiableField field, string? input)
    {
        var value = RectificationRules.Parse(field, input, out var error);
        return (value?.Value, value?.Shown, error?.En);
    }

    [Fact]
    public void EmailsPhonesPostalCodesAndBusinessIdsAreValidatedAndNormalised()
    {
        Assert.Equal("+358401234567", Parse(Field("phone", typeof(string), Categories.Phone, 20), "040 123 4567").Value);
        Assert.NotNull(Parse(Field("phone", typeof(string), Categories.Phone, 20), "12").Error);
        Assert.Equal("aino@example.fi", Parse(Field("email", typeof(string), Categories.Email, 254), " aino@example.fi ").Value);
        Assert.NotNull(Parse(Field("email", typeof(string), Categories.Email, 254), "aino@").Error);
        Assert.Equal("33100", Parse(Field("postal_code", typeof(string), Categories.Address, 5), "33100").Value);
        Assert.NotNull(Parse(Field("postal_code", typeof(string), Categories.Address, 5), "3310").Error);
        Assert.Equal("0245974-7", Parse(Field("business_id", typeof(string), Categories.SoleTrader, 9, table: "organisations"), "0245974-7").Value);
        Assert.NotNull(Parse(Field("business_id", typeof(string), Categories.SoleTrader, 9, table: "organisations"), "0245974-8").Error);
    }

    [Fact]
    public void TextKeepsToTheModelsMaximumLengthAndARequiredFieldCannotBeCleared()
    {
        var name = Field("first_name", typeof(string), Categories.Name, 5, nullable: false);

        Assert.Equal("Aino", Parse(name, "  Aino ").Value);
        Assert.Equal("At most 5 characters.", Parse(name, "Ainoliina").Error);
        Assert.Equal("Required.", Parse(name, " ").Error);
        var street = Field("street", typeof(string), Categories.Address, 200);
        var cleared = Parse(street, null);
        Assert.Null(cleared.Error);
        Assert.Null(cleared.Value);
    }

    [Fact]
    public void DatesEnumsAndNumbersAreParsedByTheirType()
    {
        Assert.Equal(new DateOnly(2025, 3, 10), Parse(Field("ordered_date", typeof(DateOnly), Categories.OrderedServices), "2025-03-10").Value);
        // The Finnish form the request page's handler types is taken too; anything else is refused.
        Assert.Equal(new DateOnly(2025, 3, 10), Parse(Field("ordered_date", typeof(DateOnly), Categories.OrderedServices), "10.3.2025").Value);
        Assert.NotNull(Parse(Field("ordered_date", typeof(DateOnly), Categories.OrderedServices), "10/3/2025").Error);
        Assert.NotNull(Parse(Field("ordered_date", typeof(DateOnly), Categories.OrderedServices), "32.3.2025").Error);
        Assert.Equal(Colour.Green, Parse(Field("channel", typeof(Colour), Categories.Feedback), "green").Value);
        Assert.Equal("Green", Parse(Field("channel", typeof(Colour), Categories.Feedback), "green").Shown);
        Assert.NotNull(Parse(Field("channel", typeof(Colour), Categories.Feedback), "2").Error);
        Assert.Equal(4, Parse(Field("rating", typeof(int?), Categories.Feedback), "4").Value);
        Assert.NotNull(Parse(Field("rating", typeof(int?), Categories.Feedback), "four").Error);
        var at = Parse(Field("received_at", typeof(DateTime), Categories.Feedback), "2025-03-10T12:00:00+02:00");
        Assert.Equal(new DateTime(2025, 3, 10, 10, 0, 0, DateTimeKind.Utc), at.Value);
    }

    [Fact]
    public void ABankAccountIsAnIbanShownOnlyMasked()
    {
        var account = Field("bank_account", typeof(string), Categories.BankAccount, protectedCode: true);

        Assert.Null(RectificationRules.Refusal(account));
        var parsed = Parse(account, "FI21 1234 5600 0007 85");
        Assert.Equal("FI21 **** **** **07 85", parsed.Shown);
        Assert.Equal("FI2112345600000785", Assert.IsType<CustomerRegister.Finnish.Iban>(parsed.Value).Value);
        Assert.NotNull(Parse(account, "FI21 1234 5600 0007 86").Error);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("subject_id")]
    [InlineData("source")]
    [InlineData("created_at")]
    [InlineData("updated_at")]
    [InlineData("version")]
    public void TheRegistersOwnColumnsAreNeverRectified(string column) =>
        Assert.NotNull(RectificationRules.Refusal(Field(column, typeof(string), null)));

    [Fact]
    public void CiphersMaskedCopiesLinksAndUnclassifiedColumnsAreRefused()
    {
        Assert.NotNull(RectificationRules.Refusal(Field("bank_account_cipher", typeof(byte[]), Categories.BankAccount)));
        Assert.NotNull(RectificationRules.Refusal(Field("bank_account_lookup", typeof(byte[]), Categories.BankAccount)));
        Assert.NotNull(RectificationRules.Refusal(Field("bank_account_masked", typeof(string), Categories.BankAccount, 40)));
        Assert.NotNull(RectificationRules.Refusal(Field("contact_person_id", typeof(Guid?), Categories.OrderedServices)));
        Assert.NotNull(RectificationRules.Refusal(Field("is_sole_trader", typeof(bool), null)));
        Assert.Null(RectificationRules.Refusal(Field("email", typeof(string), Categories.Email, 254)));
        Assert.Null(RectificationRules.Refusal(Field("name", typeof(string), Categories.SoleTrader, 200, table: "organisations")));
    }

    [Fact]
    public void LegalRecordsAndTheIdentityCodeAreKeptUnchangedWithTheReason()
    {
        Assert.Equal(RectificationRules.LegalRecordReason,
            RectificationRules.Refusal(Field("billing_name", typeof(string), Categories.Invoice, 200, table: "invoices")));
        Assert.Equal(RectificationRules.LegalRecordReason,
            RectificationRules.Refusal(Field("owner_name", typeof(string), Categories.VehicleScrapping, 200, table: "scrapping_certificates")));
        Assert.Equal(RectificationRules.LegalRecordReason,
            RectificationRules.Refusal(Field("amount", typeof(decimal), Categories.MetalCredit, table: "metal_credit_payouts")));
        Assert.Equal(RectificationRules.IdentityCodeReason,
            RectificationRules.Refusal(Field("identity_code", typeof(string), Categories.IdentityCode, protectedCode: true, table: "scrapping_certificates")));
        Assert.Equal(RectificationRules.IdentityCodeReason,
            RectificationRules.Refusal(Field("identity_code_masked", typeof(string), Categories.IdentityCode, 11, table: "scrapping_certificates")));
        Assert.Contains("Kirjanpitolaki", RectificationRules.LegalRecordReason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangesAreAppliedOnlyWhileTheRequestIsInProgress()
    {
        Assert.Null(RequestRules.CanRectify(RequestState.InProgress));
        Assert.NotNull(RequestRules.CanRectify(RequestState.Matched));
        Assert.NotNull(RequestRules.CanRectify(RequestState.IdentityVerified));
        Assert.NotNull(RequestRules.CanRectify(RequestState.Completed));
        Assert.NotNull(RequestRules.CanStart(RequestType.Rectification, RequestState.Matched));
    }
}
