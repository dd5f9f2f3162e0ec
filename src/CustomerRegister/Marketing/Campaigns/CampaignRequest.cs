using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Profiling;
using CustomerRegister.Subjects;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>
/// A campaign as the API and the form send it: values as text, so a wrong one answers 400 naming its field.
/// <c>kinds</c>: any of <c>Consumer</c>, <c>SoleTrader</c>, <c>ContactPerson</c> (none: all).
/// </summary>
public sealed record CampaignRequest(
    string? Name, string? Channel, string? Purpose, IReadOnlyList<string>? Kinds = null, string? Relationship = null,
    string? PostalCodePrefix = null, string? Municipality = null, string? ServiceLine = null, string? Segment = null,
    string? Interest = null, Guid? EventId = null, string? Participation = null, string? Language = null, string? UsedService = null);

/// <summary>The criteria stored with a saved campaign, as JSON (enum values by name).</summary>
public static class CampaignCriteriaJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(CampaignCriteria criteria) => JsonSerializer.Serialize(criteria, Options);

    public static CampaignCriteria Read(string json) => JsonSerializer.Deserialize<CampaignCriteria>(json, Options)!;
}

/// <summary>Reads a <see cref="CampaignRequest"/> into <see cref="CampaignCriteria"/>, each wrong field named.</summary>
public static class CampaignInput
{
    /// <summary>The kinds of person a campaign may select (not the anonymised key).</summary>
    public static IReadOnlyList<SubjectKind> Kinds { get; } = [SubjectKind.Consumer, SubjectKind.SoleTrader, SubjectKind.ContactPerson];

    /// <summary>The languages a message and its opt-out link may be in.</summary>
    public static IReadOnlyList<string> Languages { get; } = Localization.Languages.All;

    private static readonly LocalText ContactChannelOnly = new(
        "Valitse kanava: sähköposti, tekstiviesti, puhelin tai posti.",
        "Välj kanal: e-post, textmeddelande, telefon eller post.",
        "Choose the channel: Email, Sms, Phone or Post.");

    private static readonly LocalText MarketingPurposeOnly = new(
        "Valitse markkinoinnin käyttötarkoitus: {0}.",
        "Välj marknadsföringens ändamål: {0}.",
        "Choose a direct-marketing purpose: {0}.");

    private static readonly LocalText PrefixDigits = new(
        "Postinumeron alku on 1–5 numeroa, esim. 00 tai 33100.",
        "Postnumrets början är 1–5 siffror, t.ex. 00 eller 33100.",
        "A postal code prefix is 1 to 5 digits, e.g. 00 or 33100.");

    private static readonly LocalText UnknownServiceLine = new(
        "Tuntematon palvelulinja: jokin näistä: {0}.",
        "Okänd tjänstelinje: en av följande: {0}.",
        "Unknown service line: one of {0}.");

    private static readonly LocalText UnknownLanguage = new(
        "Kieli on fi, sv tai en.",
        "Språket är fi, sv eller en.",
        "The language is fi, sv or en.");

    private static readonly LocalText ParticipationNeedsEvent = new(
        "Valitse ensin tapahtuma.",
        "Välj först ett evenemang.",
        "Choose the event first.");

    public static Outcome<CampaignCriteria> Criteria(CampaignRequest r)
    {
        var errors = new FieldErrors();
        var channel = errors.Enum<MarketingChannel>("channel", r.Channel);
        if (channel is { } ch && !MarketingConsentRules.ContactChannels.Contains(ch))
        {
            errors.Add("channel", ContactChannelOnly);
            channel = null;
        }

        string? purpose = null;
        if (MarketingConsentRules.IsMarketingPurpose(r.Purpose))
        {
            purpose = r.Purpose;
        }
        else
        {
            errors.Add("purpose", string.IsNullOrWhiteSpace(r.Purpose)
                ? FieldMessages.RequiredOneOf(MarketingConsentRules.MarketingPurposes)
                : MarketingPurposeOnly.Format(string.Join(", ", MarketingConsentRules.MarketingPurposes)));
        }

        var kinds = new List<SubjectKind>();
        foreach (var k in r.Kinds ?? [])
        {
            if (errors.Enum<SubjectKind>("kinds", k) is { } kind)
            {
                if (Kinds.Contains(kind))
                {
                    kinds.Add(kind);
                }
                else
                {
                    errors.Add("kinds", FieldMessages.RequiredOneOf(Kinds.Select(x => x.ToString()).ToList()));
                }
            }
        }

        var relationship = errors.Enum<RelationshipState>("relationship", r.Relationship, required: false);
        var prefix = string.IsNullOrWhiteSpace(r.PostalCodePrefix) ? null : r.PostalCodePrefix.Trim();
        if (prefix is not null && (prefix.Length > 5 || !prefix.All(char.IsAsciiDigit)))
        {
            errors.Add("postalCodePrefix", PrefixDigits);
        }

        var municipality = errors.Text("municipality", r.Municipality, 100);
        var serviceLine = string.IsNullOrWhiteSpace(r.ServiceLine) ? null : r.ServiceLine.Trim();
        if (serviceLine is not null && !MarketingConsentRules.ServiceLines.Contains(serviceLine, StringComparer.Ordinal))
        {
            errors.Add("serviceLine", UnknownServiceLine.Format(string.Join(", ", MarketingConsentRules.ServiceLines)));
        }

        var usedService = string.IsNullOrWhiteSpace(r.UsedService) ? null : r.UsedService.Trim();
        if (usedService is not null && !MarketingConsentRules.ServiceLines.Contains(usedService, StringComparer.Ordinal))
        {
            errors.Add("usedService", UnknownServiceLine.Format(string.Join(", ", MarketingConsentRules.ServiceLines)));
        }

        var segment = errors.Enum<Segment>("segment", r.Segment, required: false);
        var interest = errors.Enum<ServiceInterest>("interest", r.Interest, required: false);
        var participation = errors.Enum<EventParticipation>("participation", r.Participation, required: false);
        if (participation is not null && r.EventId is null)
        {
            errors.Add("eventId", ParticipationNeedsEvent);
        }

        var language = string.IsNullOrWhiteSpace(r.Language) ? "fi" : r.Language.Trim().ToLowerInvariant();
        if (!Languages.Contains(language))
        {
            errors.Add("language", UnknownLanguage);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return new CampaignCriteria(channel!.Value, purpose!, [.. kinds.Distinct().Order()], relationship, prefix,
            string.IsNullOrWhiteSpace(municipality) ? null : municipality, serviceLine, segment, interest, r.EventId,
            r.EventId is null ? null : participation ?? EventParticipation.Invited, language, usedService);
    }

    /// <summary>The criteria back as a request (the form of a saved campaign).</summary>
    public static CampaignRequest Request(string? name, CampaignCriteria c) => new(
        name, c.Channel.ToString(), c.Purpose, [.. c.Kinds.Select(k => k.ToString())], c.Relationship?.ToString(), c.PostalCodePrefix,
        c.Municipality, c.ServiceLine, c.Segment?.ToString(), c.Interest?.ToString(), c.EventId, c.Participation?.ToString(), c.Language, c.UsedService);

    /// <summary>The purpose in words.</summary>
    public static string PurposeName(string purpose, string language) => Purposes.Name(purpose, language);
}
