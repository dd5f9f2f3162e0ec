using System.Globalization;
using System.Text;
using Bogus;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Finnish;
using CustomerRegister.Search;
using CustomerRegister.Subjects;

namespace CustomerRegister.Demo;

/// <summary>
/// Consumers (most subjects) and organisations with one to four contact persons, some of them sole traders.
/// Every identifier is synthetic but valid; emails use the reserved example domains (RFC 2606).
/// </summary>
public sealed class CustomersGenerator : IDemoGenerator
{
    private static readonly string[] MobilePrefixes = ["040", "041", "044", "045", "046", "050"];
    private static readonly string[] EmailDomains = ["example.com", "example.net", "example.org"];

    private static readonly (DataSource Source, float Weight)[] ConsumerSources =
    [
        (DataSource.Consumer, 0.6f), (DataSource.OwnSystems, 0.2f), (DataSource.Referrer, 0.1f), (DataSource.PartnerNetwork, 0.06f),
        (DataSource.PublicSources, 0.04f),
    ];

    private static readonly (DataSource Source, float Weight)[] OrganisationSources =
    [
        (DataSource.CustomerOrganisation, 0.5f), (DataSource.PublicSources, 0.2f), (DataSource.ProspectingTool, 0.15f),
        (DataSource.PartnerNetwork, 0.1f), (DataSource.Referrer, 0.05f),
    ];

    private static readonly string[] Titles =
    [
        "Toimitusjohtaja", "Hankintapäällikkö", "Talouspäällikkö", "Kiinteistöpäällikkö", "Ympäristöasiantuntija",
        "Tuotantopäällikkö", "Logistiikkakoordinaattori", "Isännöitsijä", "Kunnossapitopäällikkö", "Myyntipäällikkö",
    ];

    private static readonly string[] Positions = ["Johto", "Hankinta", "Talous", "Tuotanto", "Logistiikka", "Kiinteistöt", "Ympäristö"];

    private static readonly string[] CompanyForms = ["Oy", "Oy", "Oy", "Ab", "Ky", "Oyj", "ry"];

    // Bogus has Finnish names but no Finnish addresses: streets are composed, cities carry their postal-code area.
    private static readonly string[] StreetStems =
    [
        "Koivu", "Kuusi", "Mänty", "Pihlaja", "Vaahtera", "Tammi", "Haapa", "Leppä", "Kallio", "Järvi", "Ranta", "Mäki", "Niitty",
        "Pelto", "Metsä", "Kivi", "Satama", "Asema", "Kirkko", "Koulu", "Mylly", "Paja", "Tehdas", "Puisto", "Kukkula", "Lähde",
    ];

    private static readonly string[] StreetSuffixes = ["katu", "tie", "kuja", "polku", "rinne", "tie", "katu", "väylä", "raitti"];

    private static readonly (string City, string Area)[] Cities =
    [
        ("Helsinki", "00"), ("Espoo", "02"), ("Vantaa", "01"), ("Tampere", "33"), ("Turku", "20"), ("Oulu", "90"), ("Jyväskylä", "40"),
        ("Kuopio", "70"), ("Lahti", "15"), ("Pori", "28"), ("Joensuu", "80"), ("Lappeenranta", "53"), ("Hämeenlinna", "13"),
        ("Vaasa", "65"), ("Seinäjoki", "60"), ("Rovaniemi", "96"), ("Mikkeli", "50"), ("Kotka", "48"), ("Porvoo", "06"),
        ("Kokkola", "67"), ("Salo", "24"), ("Rauma", "26"), ("Kajaani", "87"), ("Savonlinna", "57"), ("Hyvinkää", "05"),
    ];

    private static readonly string[] Trades =
    [
        "Kuljetus", "Rakennus", "Metalli", "Kiinteistöhuolto", "Autokorjaamo", "Konepaja", "Puutarha", "Sähkö", "Putki", "Purku",
    ];

    /// <summary>Share of picks that are organisations; with their contacts about a fifth of all subjects.</summary>
    public const float OrganisationShare = 0.08f;

    public void Generate(DemoChunk chunk)
    {
        while (chunk.RemainingSubjects > 0)
        {
            if (chunk.Faker.Random.Float() < OrganisationShare)
            {
                Organisation(chunk);
            }
            else
            {
                Consumer(chunk);
            }
        }
    }

    private static void Consumer(DemoChunk chunk)
    {
        var f = chunk.Faker;
        var position = chunk.Position;
        var subject = chunk.NewSubject(SubjectKind.Consumer);
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var city = f.PickRandom(Cities);
        var consumer = chunk.Record(new Consumer
        {
            FirstName = first,
            LastName = last,
            Street = f.Random.Float() < 0.9f ? Street(f) : null,
            PostalCode = PostalCodeOf(f, city.Area),
            City = city.City,
            Phone = f.Random.Float() < 0.85f ? Mobile(f) : null,
            Email = f.Random.Float() < 0.7f ? Email(f, first, last, f.PickRandom(EmailDomains)) : null,
        }, subject, Pick(f, ConsumerSources));

        Iban? account = null;
        if (f.Random.Float() < 0.6f)
        {
            var iban = Iban.CreateFinnish(f.Random.ReplaceNumbers("#############"));
            BankAccounts.Store(consumer, iban, chunk.Codes);
            account = iban;
        }

        chunk.Rows.Add(consumer);
        chunk.Rows.AddSearchEntries(SearchTarget.Consumer, consumer.Id, subject.Id, SearchIndex.TermsOf(consumer), SearchIndex.SortKeyOf(consumer));
        chunk.Consumers.Add(consumer);
        chunk.Customers.Add(new DemoCustomer(position, consumer, null, account));
    }

    private static void Organisation(DemoChunk chunk)
    {
        var f = chunk.Faker;
        var soleTrader = f.Random.Float() < 0.25f;
        var contacts = Math.Min(f.Random.Int(1, 4), chunk.RemainingSubjects - (soleTrader ? 1 : 0));
        if (contacts < 1)
        {
            Consumer(chunk);
            return;
        }

        var position = chunk.Position;
        var town = f.PickRandom(Cities);
        var owner = (First: f.Name.FirstName(), Last: f.Name.LastName());
        var organisation = new Organisation
        {
            Id = chunk.NewId(),
            Name = soleTrader
                ? $"{f.PickRandom(Trades)} {owner.First} {owner.Last} Tmi"
                : $"{f.Name.LastName()} {f.PickRandom(Trades)} {f.PickRandom(CompanyForms)}",
            BusinessId = BusinessIdFor(position),
            Street = Street(f),
            PostalCode = PostalCodeOf(f, town.Area),
            City = town.City,
            IsSoleTrader = soleTrader,
            Source = Pick(f, OrganisationSources),
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        };
        if (soleTrader)
        {
            organisation.SubjectId = chunk.NewSubject(SubjectKind.SoleTrader).Id;
        }

        chunk.Rows.Add(organisation);
        chunk.Rows.AddSearchEntries(SearchTarget.Organisation, organisation.Id, organisation.SubjectId, SearchIndex.TermsOf(organisation), SearchIndex.SortKeyOf(organisation));
        chunk.Organisations.Add(organisation);
        var customer = new DemoCustomer(position, null, organisation, null);
        chunk.Customers.Add(customer);

        var domain = Slug(organisation.Name) + ".example";
        for (var i = 0; i < contacts; i++)
        {
            var subject = chunk.NewSubject(SubjectKind.ContactPerson);
            var first = soleTrader && i == 0 ? owner.First : f.Name.FirstName();
            var last = soleTrader && i == 0 ? owner.Last : f.Name.LastName();
            var contact = chunk.Record(new ContactPerson
            {
                OrganisationId = organisation.Id,
                FirstName = first,
                LastName = last,
                Title = f.PickRandom(Titles),
                Position = f.Random.Float() < 0.7f ? f.PickRandom(Positions) : null,
                Phone = f.Random.Float() < 0.9f ? Mobile(f) : null,
                Email = f.Random.Float() < 0.9f ? Email(f, first, last, domain) : null,

                // Some have left the organisation: their data then goes the profile period after their role ended.
                RoleEndedOn = i > 0 && f.Random.Float() < 0.08f ? chunk.DateBetween(chunk.Today.AddYears(-4), chunk.Today) : null,
            }, subject, organisation.Source);
            chunk.Rows.Add(contact);
            chunk.Rows.AddSearchEntries(SearchTarget.ContactPerson, contact.Id, subject.Id, SearchIndex.TermsOf(contact), SearchIndex.SortKeyOf(contact));
            chunk.ContactPersons.Add(contact);
            customer.Contacts.Add(contact);
        }
    }

    /// <summary>
    /// A bijection of the position onto seven digits keeps business IDs unique without coordination between chunks;
    /// the one in eleven numbers that has no check digit leaves the organisation without a business ID.
    /// </summary>
    internal static string? BusinessIdFor(long position)
    {
        var digits = (int)(((position % 10_000_000) * 3_141_593 + 1_234_567) % 10_000_000);
        return BusinessId.TryCreate(digits, out var id) ? id.Value : null;
    }

    /// <summary>A Finnish mobile number in E.164, composed directly (parsing each one took a tenth of a subject's generation time).</summary>
    private static string Mobile(Faker f) => $"+358{f.PickRandom(MobilePrefixes)[1..]}{f.Random.ReplaceNumbers("#######")}";

    private static string PostalCodeOf(Faker f, string area) =>
        Finnish.PostalCode.Parse(area + f.Random.ReplaceNumbers("##") + f.PickRandom("0", "0", "5")).Value;

    private static string Street(Faker f) =>
        $"{f.PickRandom(StreetStems)}{f.PickRandom(StreetSuffixes)} {f.Random.Int(1, 60)}{(f.Random.Float() < 0.3f ? $" {f.PickRandom("A", "B", "C")} {f.Random.Int(1, 40)}" : "")}";

    private static string Email(Faker f, string first, string last, string domain) =>
        $"{Slug(first)}.{Slug(last)}{(f.Random.Bool() ? "" : f.Random.Int(1, 99).ToString(CultureInfo.InvariantCulture))}@{domain}";

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in SearchText.Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    private static DataSource Pick(Faker f, (DataSource Source, float Weight)[] weighted) =>
        f.Random.WeightedRandom(weighted.Select(w => w.Source).ToArray(), weighted.Select(w => w.Weight).ToArray());
}
