using CustomerRegister.Catalog;
using CustomerRegister.Marketing;
using CustomerRegister.Marketing.Campaigns;
using CustomerRegister.Subjects;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// Why a selected person is left out of a campaign list: the ledger's decision (the rule the person page uses), then
/// restriction, objection, the industry's opt-out list and a missing address — one reason each, the first in order.
/// </summary>
public sealed class CampaignRulesTests
{
    private static readonly SoftOptInTerms Terms = new(new DateOnly(2026, 12, 6), 12);
    private static readonly DateTime At = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CampaignCriteria Criteria(MarketingChannel channel) => new(channel, Purposes.Marketing, []);

    private static CampaignPerson Person(SubjectKind kind = SubjectKind.Consumer, string? email = "a@example.fi", string? phone = "+358401234567",
        string? street = "Katu 1", string? postalCode = "00100") =>
        new(Guid.NewGuid(), kind, "Aino Esimerkki", null, email, phone, street, postalCode, "Helsinki");

    private static ConsentFact Fact(ConsentEntryKind kind, int day, Guid? id = null) =>
        new(MarketingChannel.Email, Purposes.Marketing, kind, At.AddDays(day), id ?? Guid.NewGuid());

    private static CampaignExclusion? Judge(
        MarketingChannel channel, IReadOnlyList<ConsentFact> facts, bool restricted = false, bool listed = false, CampaignPerson? person = null,
        IReadOnlyDictionary<Guid, string?>? evidence = null)
    {
        var p = person ?? Person();
        return CampaignLists.Exclusion(Criteria(channel), p.Kind, Terms, facts, evidence ?? new Dictionary<Guid, string?>(), restricted, listed, p);
    }

    [Fact]
    public void AConsumerWithConsentIsOnTheEmailListAndOneWithoutIsLeftOutForNoConsent()
    {
        Assert.Null(Judge(MarketingChannel.Email, [Fact(ConsentEntryKind.PermissionGranted, 0)]));
        Assert.Equal(CampaignExclusion.NoConsent, Judge(MarketingChannel.Email, []));
        Assert.Equal(CampaignExclusion.NoConsent, Judge(MarketingChannel.Email,
            [Fact(ConsentEntryKind.PermissionGranted, 0), Fact(ConsentEntryKind.PermissionWithdrawn, 1)]));
    }

    [Fact]
    public void AProhibitionIsAProhibitionUnlessItsEvidenceIsAnObjectionRequest()
    {
        var ban = Guid.NewGuid();
        var facts = new[] { Fact(ConsentEntryKind.PermissionGranted, 0), Fact(ConsentEntryKind.Prohibition, 1, ban) };
        Assert.Equal(CampaignExclusion.Prohibition, Judge(MarketingChannel.Email, facts,
            evidence: new Dictionary<Guid, string?> { [ban] = MarketingBansEvidence }));
        Assert.Equal(CampaignExclusion.Objection, Judge(MarketingChannel.Email, facts,
            evidence: new Dictionary<Guid, string?> { [ban] = MarketingLedger.ObjectionEvidence(Guid.NewGuid()) }));
    }

    private const string MarketingBansEvidence = CustomerRegister.Erasure.MarketingBans.EvidencePrefix + "0196d5a4-0000-7000-8000-000000000001";

    [Fact]
    public void SeveralReasonsCountOnceUnderTheFirstInOrder()
    {
        // No consent comes before a prohibition and a restriction; a restriction before an objection.
        Assert.Equal(CampaignExclusion.NoConsent, Judge(MarketingChannel.Email, [Fact(ConsentEntryKind.Prohibition, 1)], restricted: true));
        Assert.Equal(CampaignExclusion.Restriction, Judge(MarketingChannel.Post, [], restricted: true, listed: true, person: Person(street: null)));
        var objection = Guid.NewGuid();
        var post = new ConsentFact(MarketingChannel.Post, Purposes.Marketing, ConsentEntryKind.Prohibition, At, objection);
        Assert.Equal(CampaignExclusion.Restriction, Judge(MarketingChannel.Post, [post], restricted: true,
            evidence: new Dictionary<Guid, string?> { [objection] = MarketingLedger.ObjectionEvidence(Guid.NewGuid()) }));
        Assert.Equal(CampaignExclusion.IndustryOptOut, Judge(MarketingChannel.Post, [], listed: true, person: Person(street: null)));
        Assert.Equal(CampaignExclusion.NoAddress, Judge(MarketingChannel.Post, [], person: Person(street: null)));
        Assert.Equal(CampaignExclusion.NoAddress, Judge(MarketingChannel.Sms, [
            new ConsentFact(MarketingChannel.Sms, Purposes.Marketing, ConsentEntryKind.PermissionGranted, At, Guid.NewGuid())], person: Person(phone: null)));
    }

    [Fact]
    public void TheIndustryListAppliesToPhoneAndPostToConsumersOnly()
    {
        Assert.True(CampaignLists.IndustryListApplies(MarketingChannel.Phone, SubjectKind.Consumer));
        Assert.True(CampaignLists.IndustryListApplies(MarketingChannel.Post, SubjectKind.Consumer));
        Assert.False(CampaignLists.IndustryListApplies(MarketingChannel.Email, SubjectKind.Consumer));
        Assert.False(CampaignLists.IndustryListApplies(MarketingChannel.Post, SubjectKind.ContactPerson));
    }

    [Fact]
    public void AContactPersonIsOnAB2BEmailListWithoutConsentUnlessRefused()
    {
        var contact = Person(SubjectKind.ContactPerson);
        Assert.Null(Judge(MarketingChannel.Email, [], person: contact));
        Assert.Equal(CampaignExclusion.NoConsent, Judge(MarketingChannel.Email, [Fact(ConsentEntryKind.PermissionWithdrawn, 0)], person: contact));
    }

    [Fact]
    public void TheFileHasOnlyTheChannelsColumnsAndElectronicRowsCarryTheLink()
    {
        Assert.Equal(["name", "email", "language", "opt_out_link"], CampaignFile.Columns(MarketingChannel.Email));
        Assert.Equal(["phone", "opt_out_link"], CampaignFile.Columns(MarketingChannel.Sms));
        Assert.Equal(["name", "phone"], CampaignFile.Columns(MarketingChannel.Phone));
        Assert.Equal(["name", "organisation", "street", "postal_code", "city"], CampaignFile.Columns(MarketingChannel.Post));
        foreach (var channel in MarketingConsentRules.ContactChannels)
        {
            Assert.Equal(CampaignFile.Columns(channel).Count, CampaignFile.Row(channel, Person(), "fi", "https://x/optout/t").Length);
            Assert.Equal(CampaignFile.Columns(channel).Contains("opt_out_link"), CampaignFile.NeedsOptOutLink(channel));
        }
    }

    [Fact]
    public void CriteriaSurviveTheirJsonAndAWrongFieldIsNamed()
    {
        var criteria = new CampaignCriteria(MarketingChannel.Post, Purposes.Marketing, [SubjectKind.Consumer], RelationshipState.Ended, "33",
            "Tampere", "metal_buying", Profiling.Segment.Dormant, null, Guid.NewGuid(), EventParticipation.Attended, "sv");
        var back = CampaignCriteriaJson.Read(CampaignCriteriaJson.Write(criteria));
        IReadOnlyList<SubjectKind> none = [];
        Assert.Equal(criteria with { Kinds = none }, back with { Kinds = none });
        Assert.Equal(criteria.Kinds, back.Kinds);

        var wrong = CampaignInput.Criteria(new CampaignRequest("x", "Web", "web_behaviour_analysis", ["Anonymised"], PostalCodePrefix: "3x",
            ServiceLine: "cars", Language: "de"));
        Assert.Equal(["channel", "kinds", "language", "postalCodePrefix", "purpose", "serviceLine"],
            wrong.Errors!.Messages.Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(typeof(CampaignExclusion))]
    [InlineData(typeof(CampaignRunKind))]
    [InlineData(typeof(RelationshipState))]
    [InlineData(typeof(EventParticipation))]
    public void EveryValueTheCampaignPagesShowHasItsTextInEveryLanguage(Type type)
    {
        foreach (var value in Enum.GetNames(type))
        {
            var key = $"{type.Name}.{value}";
            Assert.True(Localization.UiText.Has(key), $"No text for {key}.");
            Assert.All(Localization.Languages.All, c => Assert.NotEqual(key, Localization.UiText.Get(key, new System.Globalization.CultureInfo(c))));
        }
    }
}
