using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;

namespace CustomerRegister.Tests.Unit;

public sealed class DisclosureRulesTests
{
    [Theory]
    [InlineData("FI", true)]
    [InlineData("se", true)]
    [InlineData(" DE ", true)]
    [InlineData("GR", true)]
    [InlineData("NO", true)]
    [InlineData("IS", true)]
    [InlineData("LI", true)]
    [InlineData("CH", false)]
    [InlineData("GB", false)]
    [InlineData("US", false)]
    [InlineData("EL", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("FIN", false)]
    public void TheEeaIsTheTwentySevenEuStatesPlusIcelandLiechtensteinAndNorway(string? code, bool inEea)
    {
        Assert.Equal(inEea, EeaCountries.Contains(code));
    }

    [Fact]
    public void TheListsHoldTwentySevenAndThirtyCountries()
    {
        Assert.Equal(27, EeaCountries.Eu.Count);
        Assert.Equal(30, EeaCountries.Eea.Count);
        Assert.True(EeaCountries.Eu.IsSubsetOf(EeaCountries.Eea));
    }

    private static Recipient Agency(string country = "FI", TransferSafeguard safeguard = TransferSafeguard.None, string? details = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = "Perintä Oy",
        CountryCode = country,
        Kind = RecipientKind.CollectionAgency,
        CategoryKeys = Recipient.JoinKeys(Recipients.CollectionAgency.Select(c => c.Id)),
        Safeguard = safeguard,
        SafeguardDetails = details,
    };

    [Fact]
    public void OnlyTheAskedCategoriesTheRecipientMayReceiveGo()
    {
        var d = DisclosureRules.Decide(Agency(), [Categories.Name.Id, Categories.Email.Id, Categories.Invoice.Id]);
        Assert.False(d.Refused);
        Assert.Equal([Categories.Name.Id, Categories.Invoice.Id], d.Allowed);
        Assert.Equal([Categories.Email.Id], d.Withheld);
    }

    [Fact]
    public void NothingAllowedIsARefusal()
    {
        var d = DisclosureRules.Decide(Agency(), [Categories.Email.Id, Categories.IdentityCode.Id]);
        Assert.Equal(RefusalReason.NoAllowedCategory, d.Refusal);
        Assert.Empty(d.Allowed);
    }

    [Fact]
    public void AnEndedRecipientReceivesNothing()
    {
        var agency = Agency();
        agency.EndedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(RefusalReason.Ended, DisclosureRules.Decide(agency, [Categories.Name.Id]).Refusal);
    }

    [Theory]
    [InlineData("US", TransferSafeguard.None, null, true)]
    [InlineData("US", TransferSafeguard.StandardContractualClauses, "", true)]
    [InlineData("US", TransferSafeguard.StandardContractualClauses, "SCC 2021/914, allekirjoitettu 1.3.2025", false)]
    [InlineData("CH", TransferSafeguard.AdequacyDecision, "Komission päätös 2000/518/EY", false)]
    [InlineData("SE", TransferSafeguard.None, null, false)]
    public void OutsideTheEeaARecipientNeedsARecordedSafeguard(string country, TransferSafeguard safeguard, string? details, bool refused)
    {
        var d = DisclosureRules.Decide(Agency(country, safeguard, details), [Categories.Name.Id]);
        Assert.Equal(refused ? RefusalReason.NoTransferSafeguard : null, d.Refusal);
    }
}
