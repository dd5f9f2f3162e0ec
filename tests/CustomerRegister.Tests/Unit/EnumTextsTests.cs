using System.Globalization;
using CustomerRegister.Billing;
using CustomerRegister.Customers;
using CustomerRegister.Localization;
using CustomerRegister.Marketing;

namespace CustomerRegister.Tests.Unit;

/// <summary>Every enum value the staff pages show has one text, keyed <c>{Enum type}.{value}</c>, in fi, sv and en.</summary>
public sealed class EnumTextsTests
{
    private static readonly Type[] Shown =
    [
        typeof(ContactChannel), typeof(ContactDirection), typeof(RelationshipStatus), typeof(ContractStatus), typeof(ServiceStatus),
        typeof(ServiceEventKind), typeof(ReportedBy), typeof(MarketingChannel), typeof(ConsentEntryKind), typeof(ParticipationStatus),
        typeof(WebEventKind), typeof(InvoiceStatus), typeof(PaymentMethod), typeof(CollectionStatus), typeof(AgencyStatus),
        typeof(Restrictions.LimitKind), typeof(Restrictions.RestrictionGround),
    ];

    public static TheoryData<Type> ShownEnums() => [.. Shown];

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void EveryValueHasItsTextInEveryLanguage(Type type)
    {
        foreach (var value in Enum.GetNames(type))
        {
            var key = $"{type.Name}.{value}";
            Assert.True(UiText.Has(key), $"No text for {key}.");
            Assert.All(Languages.All, c => Assert.NotEqual(key, UiText.Get(key, new CultureInfo(c))));
        }
    }

    [Fact]
    public void NoFeatureKeepsASecondWordTableForTheseEnums()
    {
        var names = Shown.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var duplicates = UiText.Keys.Where(k => k.Split('.') is { Length: > 2 } parts && names.Contains(parts[^2])).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void DisplayReadsTheOneText() =>
        Assert.Equal("Saapuva", Display.Enum(ContactDirection.Inbound));
}
