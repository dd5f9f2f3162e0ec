using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Marketing;
using CustomerRegister.Subjects;

namespace CustomerRegister.Demo;

/// <summary>
/// Each person's direct-marketing ledger (one to four entries that <see cref="MarketingConsentRules.Refusal"/> accepts, so
/// the API could have appended them in this order; a consumer's soft opt-in rests on their own relationship while it is
/// in force, with an opt-out offered and a service line, as <see cref="MarketingConsentRules.SoftOptInProblems"/> asks),
/// survey answers, event invitations only on channels the ledger allows, and web events only for consumers whose ledger has a web-behaviour consent in force, dated after it.
/// </summary>
public sealed class MarketingGenerator : IDemoGenerator
{
    public const float ProhibitionShare = 0.05f;
    public const float SurveyShare = 0.15f;
    public const float InvitationShare = 0.2f;
    public const float WebShare = 0.4f;

    /// <summary>Of the consumers who visit the website, the share who consented to web-behaviour analysis.</summary>
    public const float WebConsentShare = 0.6f;

    private static readonly MarketingChannel[] Channels = [.. MarketingConsentRules.ContactChannels];

    private static readonly string[] Pages =
    [
        "/", "/metallinkerays", "/metallinkerays/hinnasto", "/romuauto", "/romuauto/romutustodistus", "/yrityksille/jatehuolto",
        "/yrityksille/lavapalvelu", "/yhteystiedot", "/aukioloajat", "/ajankohtaista",
    ];

    private static readonly (string Path, WebEventKind Kind)[] Actions =
    [
        ("/metallinkerays/hinnasto.pdf", WebEventKind.Download), ("/lomakkeet/nouto", WebEventKind.FormSubmit),
        ("/lomakkeet/yhteydenotto", WebEventKind.FormSubmit), ("/romuauto/tilaa-nouto", WebEventKind.FormSubmit),
    ];

    private static readonly string?[] Referrers =
    [
        null, null, "https://www.example.com/search?q=romun+vastaanotto", "https://www.example.org/kierratys", "https://news.example.net/",
    ];

    private static readonly string[] Answers =
    [
        "Erittäin tyytyväinen", "Tyytyväinen", "Ei tyytyväinen eikä tyytymätön", "Tyytymätön",
    ];

    public void Generate(DemoChunk chunk)
    {
        var relationships = chunk.Customers.Where(c => c.Consumer is not null && c.Relationship is not null)
            .ToDictionary(c => c.Consumer!.SubjectId, c => c.Relationship!);
        foreach (var consumer in chunk.Consumers)
        {
            Person(chunk, consumer.SubjectId, SubjectKind.Consumer, consumer.Source, web: true, relationships.GetValueOrDefault(consumer.SubjectId));
        }

        foreach (var contact in chunk.ContactPersons)
        {
            Person(chunk, contact.SubjectId, SubjectKind.ContactPerson, contact.Source, web: false, null);
        }
    }

    /// <summary>What a soft opt-in is judged against at seeding time, with the default period.</summary>
    private static SoftOptInTerms Terms(DemoChunk chunk) => new(chunk.Today, new MarketingOptions().SoftOptInMonthsAfterEnd);

    private static void Person(DemoChunk chunk, Guid subjectId, SubjectKind kind, DataSource source, bool web, CustomerRelationship? relationship)
    {
        var r = chunk.Faker.Random;
        var visits = web && r.Float() < WebShare;
        var ledger = Ledger(chunk, subjectId, kind, source, relationship, visits && r.Float() < WebConsentShare);

        if (r.Float() < SurveyShare)
        {
            var survey = chunk.Faker.PickRandom(chunk.Catalogue.Surveys.ToList());
            var score = r.Int(0, 10) * 10;
            chunk.Rows.Add(chunk.Record(new SurveyResponse
            {
                SurveyId = survey.Id,
                AnsweredAt = chunk.TimeOn(chunk.DateBetween(survey.Date, survey.Date.AddDays(21))),
                Answers = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"tyytyvaisyys\":\"{chunk.Faker.PickRandom(Answers)}\",\"suosittelisi\":{score / 10}}}"),
                Score = score,
            }, subjectId, source));
        }

        if (r.Float() < InvitationShare)
        {
            Invitation(chunk, subjectId, kind, source, ledger);
        }

        // As POST /web-events: linked only while the web-behaviour consent is in force (the API drops the others).
        if (visits && MarketingConsentRules.Decide(kind, MarketingChannel.Web, Purposes.WebAnalytics, ledger) is { Allowed: true, Since: { } since })
        {
            WebEvents(chunk, subjectId, since);
        }
    }

    private static List<ConsentFact> Ledger(
        DemoChunk chunk, Guid subjectId, SubjectKind kind, DataSource source, CustomerRelationship? relationship, bool webConsent)
    {
        // A soft opt-in only where the API would take one: the person's own relationship, not lapsed today.
        var lastDay = relationship is null ? null : MarketingConsentRules.SoftOptInLastDay(relationship.EndDate, Terms(chunk).MonthsAfterEnd);
        var softBasis = relationship is not null && (lastDay is null || lastDay >= chunk.Today) ? relationship : null;
        var f = chunk.Faker;
        var r = f.Random;
        var facts = new List<ConsentFact>();
        var entries = new List<MarketingConsent>();
        var wanted = r.Int(1, 4);
        var banned = r.Float() < ProhibitionShare;
        var time = chunk.Now.AddDays(-r.Int(200, 1100));
        for (var attempt = 0; facts.Count < wanted && attempt < 8; attempt++)
        {
            time = time.AddDays(r.Int(1, 150));
            if (time > chunk.Now)
            {
                break;
            }

            var (channel, purpose, entry) = banned && facts.Count == wanted - 1
                ? (f.PickRandom(Channels), Purposes.Marketing, ConsentEntryKind.Prohibition)
                : webConsent && !facts.Any(x => x.Channel == MarketingChannel.Web)
                    ? (MarketingChannel.Web, Purposes.WebAnalytics, ConsentEntryKind.PermissionGranted)
                    : Candidate(chunk, kind, facts, softBasis is not null);
            if (MarketingConsentRules.Refusal(kind, channel, purpose, entry, facts) is not null)
            {
                continue;
            }

            var evidence = entry switch
            {
                ConsentEntryKind.SoftOptIn => $"tilaus-{r.ReplaceNumbers("######")}",
                ConsentEntryKind.PermissionGranted => channel switch
                {
                    MarketingChannel.Phone => $"puhelu-{r.ReplaceNumbers("#######")}",
                    MarketingChannel.Web => $"evastebanneri-{r.ReplaceNumbers("#######")}",
                    _ => $"lomake-{r.ReplaceNumbers("#######")}",
                },
                _ => r.Bool() ? $"viesti-{r.ReplaceNumbers("#######")}" : null,
            };
            var soft = entry == ConsentEntryKind.SoftOptIn;
            var consent = chunk.Record(new MarketingConsent
            {
                Channel = channel,
                Purpose = purpose,
                Kind = entry,
                OccurredAt = time,
                WordingVersion = entry is ConsentEntryKind.PermissionGranted or ConsentEntryKind.SoftOptIn || r.Bool()
                    ? $"{channel.ToString().ToLowerInvariant()}-{time.Year}-{(time.Month + 2) / 3:D2}"
                    : null,
                Evidence = evidence,
                RecordedByKind = AuditLog.ActorSystem,
                RelationshipId = soft ? softBasis!.Id : null,
                OptOutOffered = soft ? true : null,
                ServiceLine = soft ? f.PickRandom(MarketingConsentRules.ServiceLines.ToArray()) : null,
            }, subjectId, soft ? DataSource.OwnSystems : source);

            // Appended only, so not versioned: the API leaves the version at zero.
            consent.Version = 0;
            chunk.Rows.Add(consent);
            entries.Add(consent);
            facts.Add(soft ? MarketingLedger.Fact(consent) with { Basis = new SoftOptInBasis(consent.ServiceLine!, softBasis!.EndDate) }
                : MarketingLedger.Fact(consent));
        }

        var superseded = MarketingConsentRules.SupersededAt(facts);
        foreach (var entry in entries)
        {
            entry.SupersededAt = superseded[entry.Id];
        }

        return facts;
    }

    /// <summary>A soft opt-in from a purchase for consumers, permissions on any channel and purpose, sometimes a withdrawal.</summary>
    private static (MarketingChannel, string, ConsentEntryKind) Candidate(DemoChunk chunk, SubjectKind kind, List<ConsentFact> facts, bool mayOptIn)
    {
        var f = chunk.Faker;
        var roll = f.Random.Float();
        if (facts.Count == 0 && kind == SubjectKind.Consumer && mayOptIn && roll < 0.5f)
        {
            return (f.PickRandom(MarketingChannel.Email, MarketingChannel.Sms), Purposes.Marketing, ConsentEntryKind.SoftOptIn);
        }

        if (facts.Count > 0 && roll < 0.3f)
        {
            var given = f.PickRandom(facts);
            return (given.Channel, given.Purpose, ConsentEntryKind.PermissionWithdrawn);
        }

        return (f.PickRandom(Channels), f.PickRandom(MarketingConsentRules.MarketingPurposes.ToArray()), ConsentEntryKind.PermissionGranted);
    }

    /// <summary>As POST /marketing-events/{id}/invitations: only on a channel the ledger allows for marketing.</summary>
    private static void Invitation(DemoChunk chunk, Guid subjectId, SubjectKind kind, DataSource source, List<ConsentFact> ledger)
    {
        var f = chunk.Faker;
        var r = f.Random;
        var channels = kind == SubjectKind.Consumer
            ? new[] { MarketingChannel.Email, MarketingChannel.Post, MarketingChannel.Sms }
            : [MarketingChannel.Email, MarketingChannel.Phone];
        MarketingChannel? allowed = null;
        foreach (var channel in channels)
        {
            if (MarketingConsentRules.Decide(kind, channel, Purposes.Marketing, ledger, Terms(chunk)).Allowed)
            {
                allowed = channel;
                break;
            }
        }

        if (allowed is null)
        {
            return;
        }

        var marketingEvent = f.PickRandom(chunk.Catalogue.Events.ToList());
        var eventDay = marketingEvent.Date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var invitedAt = eventDay.AddDays(-r.Int(14, 45));
        invitedAt = invitedAt > chunk.Now ? chunk.Now.AddHours(-r.Int(1, 48)) : invitedAt;
        var past = eventDay < chunk.Now;
        var roll = r.Float();
        var status = past
            ? roll < 0.35f ? ParticipationStatus.Attended : roll < 0.45f ? ParticipationStatus.Cancelled : ParticipationStatus.Invited
            : roll < 0.3f ? ParticipationStatus.Registered : ParticipationStatus.Invited;
        var statusAt = status switch
        {
            ParticipationStatus.Invited => invitedAt,
            ParticipationStatus.Attended => eventDay,
            _ => invitedAt.AddDays(r.Int(1, 10)) is var t && t < chunk.Now ? t : chunk.Now,
        };
        chunk.Rows.Add(chunk.Record(new EventInvitation
        {
            EventId = marketingEvent.Id,
            InvitedAt = invitedAt,
            Channel = allowed.Value,
            Status = status,
            StatusAt = statusAt,
        }, subjectId, source));
    }

    /// <summary>A few sessions of page views and actions, all after the consent given at <paramref name="since"/>.</summary>
    private static void WebEvents(DemoChunk chunk, Guid subjectId, DateTime since)
    {
        var f = chunk.Faker;
        var r = f.Random;
        var count = r.Int(1, 8);
        var session = "s-" + r.Hexadecimal(16, prefix: "");
        var time = chunk.Now.AddDays(-r.Int(1, 365)).AddMinutes(-r.Int(0, 1440));
        time = time > since ? time : since.AddMinutes(r.Int(1, 30));
        var referrer = f.PickRandom(Referrers);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && r.Float() < 0.25f)
            {
                session = "s-" + r.Hexadecimal(16, prefix: "");
                time = time.AddDays(r.Int(1, 30));
                referrer = f.PickRandom(Referrers);
            }

            time = time.AddSeconds(r.Int(5, 240));
            var (path, kind) = i > 0 && r.Float() < 0.2f ? f.PickRandom(Actions) : (f.PickRandom(Pages), WebEventKind.PageView);
            var webEvent = chunk.Record(new WebEvent
            {
                OccurredAt = time < chunk.Now ? time : chunk.Now,
                Kind = kind,
                Path = path,
                SessionId = session,
                Referrer = i == 0 ? referrer : null,
            }, subjectId, DataSource.OwnSystems);
            webEvent.Version = 0;
            chunk.Rows.Add(webEvent);
        }
    }
}
