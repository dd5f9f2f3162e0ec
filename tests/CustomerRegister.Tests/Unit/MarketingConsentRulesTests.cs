using CustomerRegister.Catalog;
using CustomerRegister.Marketing;
using CustomerRegister.Subjects;
using static CustomerRegister.Marketing.ConsentEntryKind;
using static CustomerRegister.Marketing.MarketingChannel;

namespace CustomerRegister.Tests.Unit;

public sealed class MarketingConsentRulesTests
{
    private const string Sales = Purposes.Marketing;
    private static readonly DateTime T0 = new(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    private static ConsentFact At(int day, MarketingChannel channel, ConsentEntryKind kind, string purpose = Sales) =>
        new(channel, purpose, kind, T0.AddDays(day), Guid.CreateVersion7());

    private static ConsentDecision Decide(SubjectKind kind, MarketingChannel channel, params ConsentFact[] ledger) =>
        MarketingConsentRules.Decide(kind, channel, Sales, ledger);

    [Theory]
    [InlineData(SubjectKind.Consumer, Email, false)]
    [InlineData(SubjectKind.Consumer, Sms, false)]
    [InlineData(SubjectKind.Consumer, Post, true)]
    [InlineData(SubjectKind.Consumer, Phone, true)]
    [InlineData(SubjectKind.SoleTrader, Email, false)]
    [InlineData(SubjectKind.ContactPerson, Email, true)]
    [InlineData(SubjectKind.ContactPerson, Sms, true)]
    [InlineData(SubjectKind.ContactPerson, Post, true)]
    public void WithNothingRecordedTheLawsDefaultApplies(SubjectKind kind, MarketingChannel channel, bool allowed)
    {
        var d = Decide(kind, channel);

        Assert.Equal(ConsentState.NotAsked, d.State);
        Assert.Equal(allowed, d.Allowed);
        Assert.Equal(allowed ? ConsentReasons.AllowedUnlessRefused : ConsentReasons.ConsentRequired, d.Reason);
    }

    [Fact]
    public void APermissionAllowsEmailToAConsumer()
    {
        var granted = At(0, Email, PermissionGranted);

        var d = Decide(SubjectKind.Consumer, Email, granted);

        Assert.Equal(ConsentState.Allowed, d.State);
        Assert.Equal(granted.Id, d.DecidingEntryId);
        Assert.Equal(ConsentReasons.Permission, d.Reason);
    }

    [Fact]
    public void AProhibitionAfterAPermissionDenies()
    {
        var d = Decide(SubjectKind.Consumer, Email, At(0, Email, PermissionGranted), At(1, Email, Prohibition));

        Assert.Equal(ConsentState.Denied, d.State);
        Assert.Equal(ConsentReasons.Prohibited, d.Reason);
    }

    [Fact]
    public void AProhibitionWinsEvenOverANewerPermissionUntilLifted()
    {
        var d = Decide(SubjectKind.Consumer, Email, At(0, Email, Prohibition), At(1, Email, PermissionGranted));

        Assert.False(d.Allowed);
        Assert.Equal(ConsentReasons.Prohibited, d.Reason);
    }

    [Fact]
    public void ALiftedProhibitionReturnsToTheStateWithoutIt()
    {
        var granted = At(0, Email, PermissionGranted);
        var withPermission = Decide(SubjectKind.Consumer, Email, granted, At(1, Email, Prohibition), At(2, Email, ProhibitionLifted));
        var withNothing = Decide(SubjectKind.Consumer, Post, At(1, Post, Prohibition), At(2, Post, ProhibitionLifted));

        Assert.Equal(ConsentState.Allowed, withPermission.State);
        Assert.Equal(granted.Id, withPermission.DecidingEntryId);
        Assert.Equal(ConsentState.NotAsked, withNothing.State);
        Assert.True(withNothing.Allowed);
    }

    [Fact]
    public void TheNewestOfPermissionAndWithdrawalWins()
    {
        Assert.False(Decide(SubjectKind.Consumer, Email, At(0, Email, PermissionGranted), At(1, Email, PermissionWithdrawn)).Allowed);
        Assert.True(Decide(SubjectKind.Consumer, Email, At(1, Email, PermissionGranted), At(0, Email, PermissionWithdrawn)).Allowed);
    }

    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly Guid Person = Guid.CreateVersion7();

    private static ConsentFact Soft(int day, DateOnly? endedOn, string line = "metal_buying") =>
        At(day, Email, SoftOptIn) with { Basis = new SoftOptInBasis(line, endedOn) };

    private static ConsentDecision DecideOn(DateOnly today, string? line, params ConsentFact[] ledger) =>
        MarketingConsentRules.Decide(SubjectKind.Consumer, Email, Sales, ledger, new SoftOptInTerms(today, 12, line));

    [Fact]
    public void SoftOptInAllowsUntilAWithdrawalOrBan()
    {
        var soft = Soft(0, endedOn: null);

        Assert.Equal(ConsentReasons.SoftOptIn, DecideOn(Today, null, soft).Reason);
        Assert.Equal(ConsentReasons.Withdrawn, DecideOn(Today, null, soft, At(1, Email, PermissionWithdrawn)).Reason);
        Assert.Equal(ConsentReasons.Prohibited, DecideOn(Today, null, soft, At(1, Email, Prohibition)).Reason);
    }

    [Fact]
    public void ASoftOptInHoldsWhileTheRelationshipLastsAndLapsesTheDayAfterTheConfiguredMonthsFromItsEnd()
    {
        var ended = new DateOnly(2025, 1, 15);
        var soft = Soft(0, ended);

        Assert.True(DecideOn(new DateOnly(2040, 1, 1), null, Soft(0, endedOn: null)).Allowed);
        var lastDay = DecideOn(new DateOnly(2026, 1, 15), null, soft);
        Assert.True(lastDay.Allowed);
        Assert.Equal(ConsentReasons.SoftOptIn, lastDay.Reason);

        var dayAfter = DecideOn(new DateOnly(2026, 1, 16), null, soft);
        Assert.False(dayAfter.Allowed);
        Assert.Equal(ConsentState.NotAsked, dayAfter.State);
        Assert.Equal(ConsentReasons.SoftOptInLapsed, dayAfter.Reason);
        Assert.Equal(soft.Id, dayAfter.DecidingEntryId);

        // An earlier permission of the person's own is not touched by the lapse.
        Assert.Equal(ConsentReasons.Permission, DecideOn(new DateOnly(2026, 1, 16), null, At(-5, Email, PermissionGranted), soft).Reason);
    }

    [Fact]
    public void ASoftOptInWithoutItsBasisOrWithoutTermsAllowsNothing()
    {
        var unfounded = At(0, Email, SoftOptIn);

        Assert.Equal(ConsentReasons.SoftOptInLapsed, DecideOn(Today, null, unfounded).Reason);
        Assert.False(DecideOn(Today, null, unfounded).Allowed);
        Assert.False(MarketingConsentRules.Decide(SubjectKind.Consumer, Email, Sales, [Soft(0, endedOn: null)]).Allowed);
    }

    [Fact]
    public void ASoftOptInCoversOnlyItsOwnServiceLine()
    {
        var soft = Soft(0, endedOn: null, line: "metal_buying");

        Assert.True(DecideOn(Today, "metal_buying", soft).Allowed);
        Assert.True(DecideOn(Today, null, soft).Allowed);
        var unrelated = DecideOn(Today, "vehicle_scrapping", soft);
        Assert.False(unrelated.Allowed);
        Assert.Equal(ConsentReasons.SoftOptInOtherService, unrelated.Reason);
    }

    private static Dictionary<string, string> Problems(
        SoftOptInClaim claim, SoftOptInSource? found, DateOnly? today = null) =>
        MarketingConsentRules.SoftOptInProblems(Person, claim, found, new SoftOptInTerms(today ?? Today, 12))
            .ToDictionary(p => p.Key, p => p.Value.En);

    [Fact]
    public void ASoftOptInRestingOnThePersonsOwnLiveRelationshipWithAnOfferedOptOutAndAServiceLineIsAccepted()
    {
        Assert.Empty(Problems(new(Guid.NewGuid(), null, true, "waste_services"), new(Person, null)));
        Assert.Empty(Problems(new(null, Guid.NewGuid(), true, "waste_services"), new(Person, Today.AddMonths(-12))));
    }

    [Fact]
    public void ASoftOptInWithoutAnOfferedOptOutIsRefused()
    {
        Assert.Equal(["optOutOffered"], Problems(new(Guid.NewGuid(), null, false, "metal_buying"), new(Person, null)).Keys);
        Assert.Equal(["optOutOffered"], Problems(new(Guid.NewGuid(), null, null, "metal_buying"), new(Person, null)).Keys);
    }

    [Fact]
    public void ASoftOptInOnAnotherPersonsRelationshipOrOnNoneIsRefused()
    {
        Assert.Equal(["relationshipId"], Problems(new(Guid.NewGuid(), null, true, "metal_buying"), new(Guid.NewGuid(), null)).Keys);
        Assert.Equal(["relationshipId"], Problems(new(Guid.NewGuid(), null, true, "metal_buying"), new(null, null)).Keys);
        Assert.Equal(["invoiceId"], Problems(new(null, Guid.NewGuid(), true, "metal_buying"), null).Keys);
        Assert.Equal(["relationshipId"], Problems(new(null, null, true, "metal_buying"), null).Keys);
        Assert.Equal(["invoiceId"], Problems(new(Guid.NewGuid(), Guid.NewGuid(), true, "metal_buying"), null).Keys);
    }

    [Fact]
    public void ASoftOptInOnARelationshipThatEndedTooLongAgoIsRefused()
    {
        Assert.Empty(Problems(new(Guid.NewGuid(), null, true, "metal_buying"), new(Person, Today.AddMonths(-12))));
        Assert.Equal(["relationshipId"],
            Problems(new(Guid.NewGuid(), null, true, "metal_buying"), new(Person, Today.AddMonths(-12).AddDays(-1))).Keys);
    }

    [Fact]
    public void ASoftOptInForAnUnrelatedOrUnnamedServiceIsRefused()
    {
        Assert.Equal(["serviceLine"], Problems(new(Guid.NewGuid(), null, true, "garden_furniture"), new(Person, null)).Keys);
        Assert.Equal(["serviceLine"], Problems(new(Guid.NewGuid(), null, true, null), new(Person, null)).Keys);
        Assert.Equal(["relationshipId", "optOutOffered", "serviceLine"], Problems(new(null, null, null, null), null).Keys);
    }

    [Theory]
    [InlineData(SubjectKind.Consumer)]
    [InlineData(SubjectKind.ContactPerson)]
    public void WebBehaviourNeedsAConsentInForceFromEveryone(SubjectKind kind)
    {
        ConsentDecision Web(params ConsentFact[] ledger) => MarketingConsentRules.Decide(kind, MarketingChannel.Web, Purposes.WebAnalytics, ledger);

        Assert.False(Web().Allowed);
        Assert.True(Web(At(0, MarketingChannel.Web, PermissionGranted, Purposes.WebAnalytics)).Allowed);
        Assert.False(Web(At(0, MarketingChannel.Web, PermissionGranted, Purposes.WebAnalytics),
            At(1, MarketingChannel.Web, PermissionWithdrawn, Purposes.WebAnalytics)).Allowed);
        Assert.False(MarketingConsentRules.IsPair(MarketingChannel.Web, Sales));
        Assert.False(MarketingConsentRules.IsPair(Email, Purposes.WebAnalytics));
    }

    [Fact]
    public void AContactPersonsEmailIsAllowedUnlessRefused()
    {
        Assert.True(Decide(SubjectKind.ContactPerson, Email).Allowed);
        Assert.False(Decide(SubjectKind.ContactPerson, Email, At(0, Email, PermissionWithdrawn)).Allowed);
        Assert.False(Decide(SubjectKind.ContactPerson, Email, At(0, Email, Prohibition)).Allowed);
    }

    [Fact]
    public void EntriesForOtherChannelsOrPurposesDoNotCount()
    {
        var d = Decide(SubjectKind.Consumer, Post, At(0, Email, Prohibition), At(0, Post, Prohibition, Purposes.MarketResearch));

        Assert.True(d.Allowed);
        Assert.Equal(ConsentState.NotAsked, d.State);
    }

    [Fact]
    public void EveryChannelAndMarketingPurposeGetsAState()
    {
        var all = MarketingConsentRules.DecideAll(SubjectKind.Consumer, []);

        Assert.Equal(MarketingConsentRules.ContactChannels.Count * MarketingConsentRules.MarketingPurposes.Count + 1, all.Count);
        Assert.Contains(all, d => d.Channel == Web && d.Purpose == Purposes.WebAnalytics && !d.Allowed);
    }

    [Fact]
    public void IncoherentEntriesAreRefused()
    {
        var banned = new[] { At(0, Email, Prohibition) };
        var withdrawn = new[] { At(0, Email, PermissionWithdrawn) };

        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, PermissionGranted, banned));
        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, SoftOptIn, banned));
        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, SoftOptIn, withdrawn));
        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Post, Sales, SoftOptIn, []));
        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Purposes.CustomerAcquisition, SoftOptIn, []));
        Assert.NotNull(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, ProhibitionLifted, []));
        Assert.Null(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, ProhibitionLifted, banned));
        Assert.Null(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, PermissionGranted, withdrawn));
        Assert.Null(MarketingConsentRules.Refusal(SubjectKind.Consumer, Email, Sales, SoftOptIn, []));
    }

    [Fact]
    public void AnEntryIsSupersededByTheEarliestLaterEntryOfItsFamilyWithAnotherKind()
    {
        var granted = At(0, Email, PermissionGranted);
        var banned = At(5, Email, Prohibition);
        var withdrawn = At(10, Email, PermissionWithdrawn);
        var regranted = At(20, Email, PermissionGranted);
        var lifted = At(30, Email, ProhibitionLifted);
        var otherChannel = At(3, Sms, PermissionWithdrawn);
        var otherPurpose = At(4, Email, PermissionWithdrawn, Purposes.MarketResearch);

        var superseded = MarketingConsentRules.SupersededAt([regranted, lifted, granted, banned, withdrawn, otherChannel, otherPurpose]);

        // The permission is replaced by the withdrawal (a prohibition belongs to the other family and does not count).
        Assert.Equal(withdrawn.OccurredAt, superseded[granted.Id]);
        Assert.Equal(regranted.OccurredAt, superseded[withdrawn.Id]);
        Assert.Equal(lifted.OccurredAt, superseded[banned.Id]);

        // The newest of each family is in force; other channels and purposes have ledgers of their own.
        Assert.Null(superseded[regranted.Id]);
        Assert.Null(superseded[lifted.Id]);
        Assert.Null(superseded[otherChannel.Id]);
        Assert.Null(superseded[otherPurpose.Id]);
    }

    [Fact]
    public void ARepeatedEntryOfTheSameKindDoesNotSupersedeTheEarlierOne()
    {
        var first = At(0, Post, PermissionGranted);
        var again = At(10, Post, PermissionGranted);
        var laterLetter = At(5, Post, PermissionWithdrawn);

        var superseded = MarketingConsentRules.SupersededAt([first, again, laterLetter]);

        // Recorded out of order: the withdrawal dated between the two permissions replaces the first and is itself
        // replaced by the second.
        Assert.Equal(laterLetter.OccurredAt, superseded[first.Id]);
        Assert.Equal(again.OccurredAt, superseded[laterLetter.Id]);
        Assert.Null(superseded[again.Id]);
    }

    [Fact]
    public void AContactPersonsRefusalOfB2bEmailRecordedAsAWithdrawalIsABan()
    {
        // B2B electronic marketing is allowed unless refused: the withdrawal is the refusal.
        var refusals = MarketingConsentRules.RefusedChannels(SubjectKind.ContactPerson, [At(0, Email, PermissionWithdrawn)]);

        Assert.Equal([Email], refusals);
    }

    [Fact]
    public void AConsumersWithdrawnEmailConsentIsNotABanButAWithdrawnPostPermissionIs()
    {
        // Email to a consumer needs consent anyway; post is allowed unless refused, so its withdrawal is the refusal.
        var ledger = new[] { At(0, Email, PermissionGranted), At(1, Email, PermissionWithdrawn), At(0, Post, PermissionGranted), At(2, Post, PermissionWithdrawn) };

        Assert.Equal([Post], MarketingConsentRules.RefusedChannels(SubjectKind.Consumer, ledger));
    }

    [Fact]
    public void OnlyTheLatestDecisionCountsAndAnyPurposeMakesTheChannelBanned()
    {
        var ledger = new[]
        {
            At(0, Sms, Prohibition), At(1, Sms, ProhibitionLifted),
            At(0, Phone, PermissionWithdrawn), At(3, Phone, PermissionGranted),
            At(0, Email, PermissionWithdrawn, Purposes.MarketResearch), At(0, Email, PermissionGranted),
            At(0, Post, Prohibition, Purposes.CustomerAcquisition),
        };

        Assert.Equal([Email, Post], MarketingConsentRules.RefusedChannels(SubjectKind.ContactPerson, ledger));
        Assert.Equal([Post], MarketingConsentRules.RefusedChannels(SubjectKind.Consumer, ledger));
    }

    [Fact]
    public void EveryRefusalInForceHasAnEntryOfARefusalKindInForce()
    {
        // The purge reads only people with such an entry not superseded: a refusal must never hide behind other entries.
        var ledger = new[] { At(0, Post, PermissionGranted), At(1, Post, Prohibition), At(2, Post, PermissionGranted), At(3, Post, SoftOptIn, Sales) };
        var superseded = MarketingConsentRules.SupersededAt(ledger);

        Assert.Equal([Post], MarketingConsentRules.RefusedChannels(SubjectKind.Consumer, ledger));
        Assert.Contains(ledger, f => MarketingConsentRules.RefusalKinds.Contains(f.Kind) && superseded[f.Id] is null);
    }
}
