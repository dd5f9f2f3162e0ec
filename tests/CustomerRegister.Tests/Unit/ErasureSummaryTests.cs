using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Erasure;
using CustomerRegister.Erasure.Pages;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

/// <summary>The dry run's tables turned into words per category, as the erasure page shows them.</summary>
public sealed class ErasureSummaryTests
{
    private static readonly RetentionDates Dates = new(Options.Create(new RetentionOptions()), Options.Create(new BillingOptions()),
        Options.Create(new RequestOptions()));

    [Fact]
    public void EachCategoryIsSaidOnceWithItsFateTheLawAndTheDateItLeaves()
    {
        var erased = new List<ErasedItems>
        {
            new("consumers", [Categories.Name.Id, Categories.Email.Id], 1, "deleted"),
            new("contact_persons", [Categories.Name.Id], 2, "deleted"),
            new("consumers", [Categories.Name.Id], 1, "emptied"),
            new("survey_responses", [Categories.Survey.Id], 3, "anonymised"),
        };
        var kept = new List<KeptItems>
        {
            new("invoices", [Categories.Invoice.Id, Categories.Name.Id], 4, "law", new DateOnly(2031, 12, 31), null, [Categories.Name.Id]),
            new("customer_relationships", [Categories.CustomerRelationship.Id], 1, ErasureRules.VoucherReference, null,
                ErasureRules.VoucherReferenceNote, []),
        };

        var fi = ErasureSummary.Of(erased, kept, ["Email"], Dates, "fi");

        Assert.Equal(["Nimi", "Sähköpostiosoite"], fi.Deleted.Select(l => l.Category));
        Assert.Equal(3, fi.Deleted.Single(l => l.Category == "Nimi").Count);
        Assert.Contains(fi.Emptied, l => l.Category == "Nimi" && l.Note == "Tyhjennetään säilytettävästä tiedosta: Laskutustiedot" && l.Count == 4);
        Assert.Contains(fi.Emptied, l => l.Category == "Nimi" && l.Note!.StartsWith("Tyhjä rivi jää", StringComparison.Ordinal));
        Assert.Equal(3, fi.Anonymised.Single().Count);
        var invoices = fi.Kept.Single(l => l.Category == "Laskutustiedot");
        Assert.Equal("Kirjanpitolaki (1336/1997) 2 luku 10 §", invoices.Law);
        Assert.Equal("31.12.2031", invoices.Leaves);
        Assert.StartsWith("6 vuotta, laskettuna tapahtumasta: ", invoices.Period, StringComparison.Ordinal);
        Assert.DoesNotContain(":", invoices.Period!.Replace("tapahtumasta:", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var relationship = fi.Kept.Single(l => l.Category != "Laskutustiedot");
        Assert.Equal("Kun siihen viittaava tosite poistuu", relationship.Leaves);
        Assert.Equal(["sähköposti"], fi.Bans);

        var sv = ErasureSummary.Of(erased, kept, ["Email"], Dates, "sv");
        Assert.Equal("Bokföringslagen (1336/1997) 2 kap. 10 §", sv.Kept.Single(l => l.Category == "Faktureringsuppgifter").Law);
        Assert.Equal(["e-post"], sv.Bans);
    }

    [Fact]
    public void AKeptItemWhosePeriodHasNotStartedHasNoDateYetAndSaysWhenItStarts()
    {
        var kept = new List<KeptItems>
        {
            new("requests", [Categories.RightsRequest.Id], 1, "law", null, "1 counted from …", []),
        };

        var line = ErasureSummary.Of([], kept, [], Dates, "fi").Kept.Single();

        Assert.Equal("Ei vielä päivää: aika alkaa tapahtumasta pyynnön sulkeminen", line.Leaves);
        Assert.DoesNotContain("Requests:", line.Period, StringComparison.Ordinal);
    }
}
