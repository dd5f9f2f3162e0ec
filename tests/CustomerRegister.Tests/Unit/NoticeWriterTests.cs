using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Notice;
using CustomerRegister.Requests;
using CustomerRegister.Retention;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Unit;

/// <summary>
/// The notice says what the catalogue and configuration say: the 13 sections of the controller's notice in every
/// language, every category, every purpose in use, every retention period as configured, and a different hash (a new
/// version) exactly when a statement changes.
/// </summary>
public sealed class NoticeWriterTests
{
    private static readonly string[] FinnishSections =
    [
        "Rekisterinpitäjä", "Rekisteriasioista vastaavat tahot", "Yhteystiedot", "Rekisterin nimi", "Henkilötietojen käyttötarkoitus",
        "Rekisterin tietosisältö", "Säännönmukaiset tietolähteet",
        "Säännönmukaiset tietojen luovutukset ja tietojen siirto EU:n tai Euroopan talousalueen ulkopuolelle",
        "Rekisterin suojauksen periaatteet", "Tarkastusoikeus ja tiedon korjaaminen", "Tietojen poistaminen",
        "Oikeus tehdä valitus valvontaviranomaiselle", "Profiloinnin olemassaolo",
    ];

    private static Recipient Recipient(string name, string country, RecipientKind kind, IEnumerable<DataCategory> categories,
        TransferSafeguard safeguard = TransferSafeguard.None) => new()
        {
            Id = Guid.NewGuid(),
            Name = name,
            CountryCode = country,
            Kind = kind,
            Role = RecipientRole.Controller,
            CategoryKeys = Disclosures.Recipient.JoinKeys(categories.Select(c => c.Id)),
            Safeguard = safeguard,
        };

    private static readonly Recipient[] Registry =
    [
        Recipient("Konserni Oy", "FI", RecipientKind.GroupCompany, Catalog.Recipients.GroupCompanies),
        Recipient("Perintä Oy", "FI", RecipientKind.CollectionAgency, Catalog.Recipients.CollectionAgency),
    ];

    private static NoticeWriter Writer(RetentionOptions? retention = null, RequestOptions? requests = null) => new(
        Options.Create(new ControllerOptions { Email = "asiakaspalvelu@example.fi", ProtectionOfficer = "Testi Suojaaja, tietosuojavastaava", ProtectionOfficerEmail = "dpo@example.fi" }),
        Options.Create(new NoticeOptions { Contacts = [new NoticeContact { Name = "Ilona Esimerkki", Role = new() { Fi = "markkinointi", En = "marketing" }, Email = "ilona@example.fi" }] }),
        Options.Create(new SignInLimitOptions()), Options.Create(new MailOptions()),
        new RetentionDates(Options.Create(retention ?? new RetentionOptions()), Options.Create(new BillingOptions()),
            Options.Create(requests ?? new RequestOptions())));

    [Fact]
    public void TheNoticeHasTheThirteenSectionsOfThePublishedNoticeInEveryLanguage()
    {
        var writer = Writer();
        Assert.Equal(FinnishSections, writer.Write("fi", Registry).Sections.Select(s => s.Title));
        Assert.Equal(Enumerable.Range(1, 13), writer.Write("fi", Registry).Sections.Select(s => s.Number));
        foreach (var language in new[] { "sv", "en" })
        {
            var document = writer.Write(language, Registry);
            Assert.Equal(13, document.Sections.Count);
            Assert.All(document.Sections.Zip(FinnishSections), p => Assert.NotEqual(p.Second, p.First.Title));
        }
    }

    [Fact]
    public void EveryCategoryPurposeAndConfiguredPeriodIsStated()
    {
        var fi = Writer(new RetentionOptions { CustomerProfileMonths = 30, WebBehaviourMonths = 7 }, new RequestOptions { RetentionYears = 4 }).Write("fi", Registry);
        var text = fi.PlainText();
        Assert.All(Categories.All, c => Assert.Contains(c.NameFi, text));
        Assert.All(Purposes.All.Where(p => Categories.All.Any(c => c.Uses.Any(u => u.Purpose == p))),
            p => Assert.Contains(Purposes.Name(p, "fi"), text));
        Assert.Contains("30 kuukautta, ei koskaan lakisääteisiä aikoja pidempään", text);
        Assert.Contains("Verkkokäyttäytymistiedot: 7 kuukautta", text);
        Assert.Contains("Rekisteröidyn pyynnöt: 4 vuotta", text);
        Assert.Contains("Testi Suojaaja, tietosuojavastaava: dpo@example.fi", text);
        Assert.Contains("Ilona Esimerkki, markkinointi", text);
        Assert.Contains(SupervisoryAuthority.Email, text);
        Assert.DoesNotContain("Retention:", text);
        Assert.Contains("Ilona Esimerkki, marketing", Writer().Write("en", Registry).PlainText());
    }

    [Fact]
    public void TheHashChangesExactlyWhenAStatementChanges()
    {
        static string Hash(NoticeWriter w, params Recipient[] registry) => NoticeVersions.Hash(new[] { "fi", "sv", "en" }.Select(l => w.Write(l, registry)));
        Assert.Equal(Hash(Writer()), Hash(Writer()));
        Assert.NotEqual(Hash(Writer()), Hash(Writer(new RetentionOptions { CustomerProfileMonths = 36 })));

        // A setting the notice does not state (the sweep's batch size) makes no new version.
        Assert.Equal(Hash(Writer()), Hash(Writer(new RetentionOptions { BatchSize = 5 })));

        // A recipient added to the registry does.
        Assert.NotEqual(Hash(Writer(), Registry), Hash(Writer(), [.. Registry, Recipient("Uusi Oy", "FI", RecipientKind.Other, [Categories.Name])]));
    }

    [Fact]
    public void Section8NamesTheRegistrysRecipientsWhatEachReceivesAndEveryTransferOutsideTheEea()
    {
        var s8 = Writer().Write("fi", Registry).Sections[7];
        var text = string.Join('\n', s8.Blocks.Select(b => b.Text ?? string.Join('\n', b.Items!)));
        Assert.Contains("Tietoja ei siirretä EU:n eikä ETA:n ulkopuolelle.", text);
        Assert.Contains("tytär- ja yhteisyrityksille (Konserni Oy (FI)) samaa asiakasta palvellakseen; niille luovutetaan vain: nimi, sähköpostiosoite, puhelinnumero, osoite.", text);
        Assert.Contains("perintätoimistolle (Perintä Oy (FI))", text);

        var abroad = Recipient("Pilvi Inc", "US", RecipientKind.Other, [Categories.Email], TransferSafeguard.StandardContractualClauses);
        var ended = Recipient("Vanha Oy", "FI", RecipientKind.Other, [Categories.Phone]);
        ended.EndedAt = DateTime.UtcNow;
        var with = Writer().Write("fi", [.. Registry, abroad, ended]).PlainText();
        Assert.DoesNotContain("Tietoja ei siirretä", with);
        Assert.Contains("Pilvi Inc (US): komission vakiosopimuslausekkeet (46 artikla)", with);
        Assert.Contains("Pilvi Inc (US, rekisterinpitäjä): sähköpostiosoite", with);
        Assert.DoesNotContain("Vanha Oy", with);
    }
}
