using CustomerRegister.Finnish;

namespace CustomerRegister.Tests.Unit.Finnish;

public sealed class EmailAddressTests
{
    private static IdentifierError Refused(string? input)
    {
        Assert.False(EmailAddress.TryParse(input, out var email, out var error));
        Assert.Null(email);
        return error;
    }

    [Theory]
    [InlineData("matti.meikalainen@example.fi")]
    [InlineData("first+tag@sub.example.com")]
    [InlineData("a@b.co")]
    [InlineData("o'neil@example.ie")]
    [InlineData("\"matti\"@example.fi")]
    [InlineData("matti@xn--iti-xla.fi")]
    public void ValidAddressIsAcceptedAsTyped(string input)
    {
        Assert.True(EmailAddress.TryParse(input, out var email, out var error), error?.Message);
        Assert.Equal(input, email.Value);
        Assert.Equal(input, email.ToString());
    }

    [Fact]
    public void DomainIsLowercasedButTheLocalPartKeptAsTyped()
    {
        var email = EmailAddress.Parse("  Matti.Meikalainen@Example.FI ");

        Assert.Equal("Matti.Meikalainen@example.fi", email.Value);
        Assert.Equal("matti.meikalainen@example.fi", email.Normalized);
    }

    [Fact]
    public void AddressesDifferingOnlyInCaseCompareEqualByNormalized()
    {
        var upper = EmailAddress.Parse("MATTI@EXAMPLE.FI");
        var lower = EmailAddress.Parse("matti@example.fi");

        Assert.Equal(lower.Normalized, upper.Normalized);
        Assert.Equal(EmailAddress.Parse("matti@example.fi"), EmailAddress.Parse("matti@EXAMPLE.fi"));
    }

    [Theory]
    [InlineData("anna@yhtiö.fi")]
    [InlineData("anna@äänekoski.fi")]
    public void InternationalizedDomainIsAccepted(string input) =>
        Assert.Equal(input, EmailAddress.Parse(input).Value);

    [Theory]
    [InlineData("matti")]
    [InlineData("matti@@example.fi")]
    [InlineData("a@b@example.fi")]
    [InlineData("@example.fi")]
    [InlineData("matti@")]
    [InlineData("matti@example")]
    [InlineData("matti@exa mple.fi")]
    [InlineData("Matti <matti@example.fi>")]
    [InlineData("matti@-example.fi")]
    [InlineData("matti@example-.fi")]
    [InlineData("matti@example..fi")]
    [InlineData("matti@.example.fi")]
    [InlineData("matti@example.fi.")]
    [InlineData("matti@exam_ple.fi")]
    [InlineData("matti@example.fi>")]
    [InlineData("matti@192.0.2.1")]
    [InlineData(".matti@example.fi")]
    [InlineData("matti.@example.fi")]
    [InlineData("mat..ti@example.fi")]
    public void MalformedAddressIsRefusedAsFormat(string input) =>
        Assert.Equal(IdentifierErrorCode.Format, Refused(input).Code);

    [Theory]
    [InlineData("<matti@example.fi")]
    [InlineData("mat(ti@example.fi")]
    [InlineData("matti,m@example.fi")]
    public void LocalPartThatMailAddressCannotReadBackIsRefused(string input) =>
        Assert.Equal(IdentifierErrorCode.Invalid, Refused(input).Code);

    [Fact]
    public void LocalPartLongerThan64IsRefusedNamingTheLimit()
    {
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.fi", out _, out _));

        var error = Refused(new string('a', 65) + "@example.fi");

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal("The part before @ has at most 64 characters, got 65.", error.Message);
    }

    [Fact]
    public void AddressLongerThan254IsRefusedNamingTheLimit()
    {
        var longest = $"{new string('a', 64)}@{new string('d', 62)}.{new string('d', 61)}.{new string('d', 61)}.fi";
        Assert.Equal(254, longest.Length);
        Assert.True(EmailAddress.TryParse(longest, out _, out var longestError), longestError?.Message);

        var error = Refused(longest + "x");

        Assert.Equal(IdentifierErrorCode.Length, error.Code);
        Assert.Equal("An email address has at most 254 characters, got 255.", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingAddressIsRequired(string? input) =>
        Assert.Equal(IdentifierErrorCode.Required, Refused(input).Code);

    [Fact]
    public void ParseThrowsFormatExceptionWithTheReason() =>
        Assert.Equal(
            "An email address must contain exactly one @.",
            Assert.Throws<FormatException>(() => EmailAddress.Parse("matti.example.fi")).Message);

    [Theory]
    [InlineData("matti@example")]
    [InlineData("matti@@example.fi")]
    [InlineData("matti@exam_ple.fi")]
    [InlineData("<matti@example.fi")]
    public void RefusalMessagesNeverRepeatTheInput(string input)
    {
        var message = Refused(input).Message;

        Assert.DoesNotContain(input, message);
        Assert.DoesNotContain("matti", message);
    }
}
