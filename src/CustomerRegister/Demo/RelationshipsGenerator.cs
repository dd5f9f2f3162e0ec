using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Search;

namespace CustomerRegister.Demo;

/// <summary>
/// A customer relationship for every customer (about 30 % ended), contracts for organisations, ordered services with
/// their suspensions and cancellations, and each person's contact history, feedback and consented additional info.
/// Numbers and states follow <see cref="RelationshipRules"/> and the search entries those of <see cref="CodeIndex"/>.
/// </summary>
public sealed class RelationshipsGenerator : IDemoGenerator
{
    public const float EndedShare = 0.3f;

    private static readonly string[] ConsumerServices =
    [
        "Metalliromun nouto", "Romuauton nouto", "Kodinkoneiden kierrätys", "Sekajätteen tyhjennys", "Biojätteen tyhjennys",
        "Pihan raivausjätteen nouto", "Vaarallisen jätteen vastaanotto", "Metallinkeräys, tilauskäynti",
    ];

    private static readonly string[] BusinessServices =
    [
        "Metallilava 10 m³, vaihto", "Jäteastian tyhjennys viikoittain", "Tietosuojajätteen keruu", "Kartonkipuristin, vuokra",
        "Rakennusjätteen lava", "Vaarallisen jätteen keräily", "Sähkö- ja elektroniikkaromun nouto", "Metalliromun ostosopimus",
    ];

    private static readonly string[] ContractAreas = ["Jätehuolto", "Metallinkierrätys", "Lavapalvelu", "Kiinteistön jätehuolto", "Romunosto"];

    private static readonly string?[] SuspensionReasons =
    [
        "Kesätauko", "Remontti kiinteistössä", "Tuotantotauko", "Asiakkaan pyynnöstä", "Kohde tyhjillään", null,
    ];

    private static readonly string?[] CancellationReasons =
    [
        "Asiakas muutti", "Palvelulle ei enää tarvetta", "Vaihtoi palveluntarjoajaa", "Toimipiste suljettu", null,
    ];

    private static readonly (ContactChannel Channel, string[] Summaries)[] Contacts =
    [
        (ContactChannel.Phone, ["Kysyi noudon aikataulua", "Tiedusteli metallin kilohintoja", "Sopi noutoajan", "Reklamaatio myöhästyneestä noudosta",
            "Kysyi laskun erittelystä", "Halusi muuttaa tyhjennysväliä"]),
        (ContactChannel.Email, ["Lähetti tilitiedot maksua varten", "Pyysi tarjousta lavapalvelusta", "Kysyi romutustodistuksesta",
            "Toimitti kuvan noudettavasta romusta", "Lähetetty tilausvahvistus"]),
        (ContactChannel.Visit, ["Toi kuparia ja alumiinia vastaanottoon", "Asioi vastaanotossa romuauton kanssa", "Asiakaskäynti toimipisteessä"]),
        (ContactChannel.Letter, ["Lähetetty muistutus erääntyneestä laskusta", "Lähetetty sopimuksen jatkotarjous"]),
        (ContactChannel.Chat, ["Kysyi aukioloaikoja chatissa", "Kysyi mitä metalleja ostetaan"]),
        (ContactChannel.WebForm, ["Noutotilaus verkkolomakkeella", "Yhteydenottopyyntö verkkosivuilta"]),
    ];

    private static readonly (string Text, int? Rating)[] FeedbackTexts =
    [
        ("Nouto tuli sovittuna päivänä, kiitos!", 5), ("Ystävällinen palvelu vastaanotossa.", 5), ("Hinnat voisivat olla selkeämmin esillä.", 3),
        ("Kuljettaja ei löytänyt perille, nouto viivästyi.", 2), ("Maksu tuli tilille nopeasti.", 4), ("Laskussa oli virhe.", 1),
        ("Hyvä ja joustava palvelu.", null),
    ];

    private static readonly string[] AdditionalInfoTexts =
    [
        "Toivoo noudot aamupäivisin.", "Portin koodi annetaan puhelimessa.", "Asiakas asioi mieluiten ruotsiksi.",
        "Pihaan mahtuu vain pakettiauto.", "Toivoo laskut sähköpostiin.",
    ];

    private const string InfoConsentText = "Annan luvan tallentaa antamani lisätiedot asiakaspalvelua varten. Voin perua luvan milloin tahansa.";

    public void Generate(DemoChunk chunk)
    {
        foreach (var customer in chunk.Customers)
        {
            Relationship(chunk, customer);
        }

        foreach (var consumer in chunk.Consumers)
        {
            PersonHistory(chunk, consumer.SubjectId, consumer.Source);
        }

        foreach (var contact in chunk.ContactPersons)
        {
            PersonHistory(chunk, contact.SubjectId, contact.Source);
        }
    }

    private static void Relationship(DemoChunk chunk, DemoCustomer customer)
    {
        var r = chunk.Faker.Random;
        var today = chunk.Today;
        var organisation = customer.Organisation;
        var start = chunk.DateBetween(today.AddYears(-15), today.AddDays(-30));
        DateOnly? end = r.Float() < EndedShare ? chunk.DateBetween(start.AddDays(30), today) : null;
        var relationship = new CustomerRelationship
        {
            Id = chunk.NewId(),
            SubjectId = customer.Consumer?.SubjectId ?? organisation!.SubjectId,
            OrganisationId = organisation?.Id,
            CustomerNumber = Number("AS", customer.Position, 0),
            StartDate = start,
            EndDate = end,
            Status = end is not null ? RelationshipStatus.Ended : r.Float() < 0.03f ? RelationshipStatus.Suspended : RelationshipStatus.Active,
            Source = customer.Consumer?.Source ?? organisation!.Source,
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        };
        chunk.Rows.Add(relationship);
        customer.Relationship = relationship;
        var target = customer.Consumer is { } consumer
            ? (Kind: SearchTarget.Consumer, consumer.Id, SubjectId: (Guid?)consumer.SubjectId)
            : (Kind: SearchTarget.Organisation, organisation!.Id, organisation.SubjectId);
        AddCode(chunk, target, relationship.CustomerNumber);

        var last = end ?? today;
        var contracts = new List<Contract>();
        if (organisation is not null)
        {
            var count = r.Int(1, 2);
            for (var i = 1; i <= count; i++)
            {
                var contractStart = chunk.DateBetween(start, last);
                var fixedTerm = r.Float() < 0.3f;
                DateOnly? contractEnd = end is { } e ? chunk.DateBetween(contractStart, e) : fixedTerm ? contractStart.AddYears(r.Int(1, 3)) : null;
                var contract = new Contract
                {
                    Id = chunk.NewId(),
                    RelationshipId = relationship.Id,
                    ContractNumber = Number("SOP", customer.Position, i),
                    Title = $"{chunk.Faker.PickRandom(ContractAreas)}, {organisation.City}",
                    StartDate = contractStart,
                    EndDate = contractEnd,
                    Status = end is not null || contractEnd < today ? ContractStatus.Ended : ContractStatus.Active,
                    CreatedAt = chunk.Now,
                    UpdatedAt = chunk.Now,
                    Version = 1,
                };
                chunk.Rows.Add(contract);
                contracts.Add(contract);
                AddCode(chunk, target, contract.ContractNumber);
            }
        }

        var services = r.Int(1, 3);
        for (var i = 0; i < services; i++)
        {
            Service(chunk, customer, relationship, contracts, end);
        }
    }

    private static void Service(DemoChunk chunk, DemoCustomer customer, CustomerRelationship relationship, List<Contract> contracts,
        DateOnly? end)
    {
        var r = chunk.Faker.Random;
        var business = customer.Organisation is not null;
        var contract = contracts.Count > 0 && r.Float() < 0.8f ? chunk.Faker.PickRandom(contracts) : null;
        var ordered = chunk.DateBetween(contract?.StartDate ?? relationship.StartDate, end ?? chunk.Today);
        var service = new OrderedService
        {
            Id = chunk.NewId(),
            RelationshipId = relationship.Id,
            ContractId = contract?.Id,
            ServiceName = chunk.Faker.PickRandom(business ? BusinessServices : ConsumerServices),
            OrderedDate = ordered,
            Status = ServiceStatus.Active,
            CreatedAt = chunk.Now,
            UpdatedAt = chunk.Now,
            Version = 1,
        };
        chunk.Rows.Add(service);

        var last = end ?? chunk.Today;
        var date = ordered;
        var roll = r.Float();
        if (roll < 0.15f)
        {
            date = chunk.DateBetween(date, last);
            Event(chunk, customer, service, ServiceEventKind.Suspended, date, chunk.Faker.PickRandom(SuspensionReasons));
            if (r.Bool())
            {
                date = chunk.DateBetween(date, last);
                Event(chunk, customer, service, ServiceEventKind.Resumed, date, null);
            }
        }
        else if (roll < 0.23f)
        {
            date = chunk.DateBetween(date, last);
            Event(chunk, customer, service, ServiceEventKind.Cancelled, date, chunk.Faker.PickRandom(CancellationReasons));
        }

        // As POST /relationships/{id}/end does: nothing stays ordered after the cooperation ends.
        if (end is { } e && service.Status != ServiceStatus.Cancelled)
        {
            service.Status = ServiceStatus.Cancelled;
            chunk.Rows.Add(new ServiceEvent
            {
                Id = chunk.NewId(),
                ServiceId = service.Id,
                Kind = ServiceEventKind.Cancelled,
                Date = e,
                Reason = "The customer relationship ended.",
                ReportedBy = ReportedBy.Staff,
                CreatedAt = chunk.Now,
            });
        }
    }

    private static void Event(DemoChunk chunk, DemoCustomer customer, OrderedService service, ServiceEventKind kind, DateOnly date, string? reason)
    {
        if (RelationshipRules.Apply(service.Status, kind) is not { } next)
        {
            return;
        }

        service.Status = next;
        var r = chunk.Faker.Random;
        var contact = customer.Contacts.Count > 0 && r.Float() < 0.7f ? chunk.Faker.PickRandom(customer.Contacts) : null;
        chunk.Rows.Add(new ServiceEvent
        {
            Id = chunk.NewId(),
            ServiceId = service.Id,
            Kind = kind,
            Date = date,
            Reason = reason,
            ReportedBy = contact is not null ? ReportedBy.ContactPerson : r.Float() < 0.8f ? ReportedBy.Customer : ReportedBy.Staff,
            ContactPersonId = contact?.Id,
            CreatedAt = chunk.Now,
        });
    }

    private static void PersonHistory(DemoChunk chunk, Guid subjectId, DataSource source)
    {
        var f = chunk.Faker;
        var r = f.Random;
        var subject = subjectId;
        var from = chunk.Today.AddYears(-3);
        var entries = r.Int(2, 6);
        for (var i = 0; i < entries; i++)
        {
            var (channel, summaries) = f.PickRandom(Contacts);
            chunk.Rows.Add(chunk.Record(new ContactHistoryEntry
            {
                Channel = channel,
                Direction = channel is ContactChannel.Letter || (channel is ContactChannel.Phone or ContactChannel.Email && r.Float() < 0.3f)
                    ? ContactDirection.Outbound
                    : ContactDirection.Inbound,
                OccurredAt = chunk.TimeOn(chunk.DateBetween(from, chunk.Today)),
                Summary = f.PickRandom(summaries),
            }, subject, DataSource.OwnSystems));
        }

        if (r.Float() < 0.2f)
        {
            var (text, rating) = f.PickRandom(FeedbackTexts);
            chunk.Rows.Add(chunk.Record(new Feedback
            {
                ReceivedAt = chunk.TimeOn(chunk.DateBetween(from, chunk.Today)),
                Channel = f.PickRandom(ContactChannel.Email, ContactChannel.WebForm, ContactChannel.Phone),
                Text = text,
                Rating = rating,
                Handled = r.Float() < 0.8f,
            }, subject, source));
        }

        if (r.Float() < 0.05f)
        {
            chunk.Rows.Add(chunk.Record(new AdditionalInfo
            {
                Text = f.PickRandom(AdditionalInfoTexts),
                ConsentText = InfoConsentText,
                ConsentVersion = "lisatiedot-2024-01",
                ConsentedAt = chunk.TimeOn(chunk.DateBetween(from, chunk.Today)),
            }, subject, source));
        }
    }

    /// <summary>A number unique across runs: a prefix, the customer's position and, for several per customer, an ordinal.</summary>
    internal static string Number(string prefix, long position, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{position + 100_000:D7}{(ordinal > 0 ? $"-{ordinal}" : "")}");

    /// <summary>As <see cref="CodeIndex"/> adds customer and contract numbers to the customer's own search target.</summary>
    private static void AddCode(DemoChunk chunk, (SearchTarget Kind, Guid Id, Guid? SubjectId) target, string number) =>
        chunk.Rows.Add(CodeIndex.Entry(target.Kind, target.Id, target.SubjectId, number));
}
