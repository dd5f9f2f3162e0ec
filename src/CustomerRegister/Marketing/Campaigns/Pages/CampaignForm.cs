using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Profiling;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CustomerRegister.Marketing.Campaigns.Pages;

/// <summary>The campaign form's fields as the page binds them; <see cref="Request"/> hands them to the use case as the API would.</summary>
public sealed class CampaignFormInput
{
    public string? Name { get; set; }

    public string? Channel { get; set; } = nameof(MarketingChannel.Email);

    public string? Purpose { get; set; } = Purposes.Marketing;

    /// <summary>One kind, or empty for all (the API takes several).</summary>
    public string? Kinds { get; set; }

    public string? Relationship { get; set; }

    public string? PostalCodePrefix { get; set; }

    public string? Municipality { get; set; }

    public string? ServiceLine { get; set; }

    public string? UsedService { get; set; }

    public string? Segment { get; set; }

    public string? Interest { get; set; }

    public Guid? EventId { get; set; }

    public string? Participation { get; set; }

    public string? Language { get; set; } = "fi";

    public CampaignRequest Request() => new(
        Name, Channel, Purpose, string.IsNullOrWhiteSpace(Kinds) ? [] : [Kinds], Blank(Relationship), PostalCodePrefix, Municipality,
        Blank(ServiceLine), Blank(Segment), Blank(Interest), EventId, EventId is null ? null : Blank(Participation), Language, Blank(UsedService));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The choices of the campaign form and the criteria in words, in the current language.</summary>
public static class CampaignForm
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static IEnumerable<SelectListItem> Channels() =>
        MarketingConsentRules.ContactChannels.Select(c => new SelectListItem(Display.Enum(c), c.ToString()));

    public static IEnumerable<SelectListItem> Purposes() =>
        MarketingConsentRules.MarketingPurposes.Select(p => new SelectListItem(Catalog.Purposes.Name(p, Language), p));

    public static IEnumerable<SelectListItem> Kinds() =>
        CampaignInput.Kinds.Select(k => new SelectListItem(UiText.Get("Kind." + k), k.ToString())).Prepend(new(UiText.Get("Campaigns.AllKinds"), ""));

    public static IEnumerable<SelectListItem> Relationships() =>
        Enum.GetValues<RelationshipState>().Select(s => new SelectListItem(Display.Enum(s), s.ToString()))
            .Prepend(new(UiText.Get("Campaigns.AnyRelationship"), ""));

    public static IEnumerable<SelectListItem> ServiceLines() =>
        MarketingConsentRules.ServiceLines.Select(l => new SelectListItem(ServiceLine(l), l)).Prepend(new(UiText.Get("Campaigns.NoServiceLine"), ""));

    public static IEnumerable<SelectListItem> UsedServices() =>
        MarketingConsentRules.ServiceLines.Select(l => new SelectListItem(ServiceLine(l), l)).Prepend(new(UiText.Get("Campaigns.Any"), ""));

    public static IEnumerable<SelectListItem> Segments() =>
        Enum.GetValues<Segment>().Select(s => new SelectListItem(Display.Enum(s), s.ToString())).Prepend(new(UiText.Get("Campaigns.Any"), ""));

    public static IEnumerable<SelectListItem> Interests() =>
        Enum.GetValues<ServiceInterest>().Select(s => new SelectListItem(Display.Enum(s), s.ToString())).Prepend(new(UiText.Get("Campaigns.Any"), ""));

    public static IEnumerable<SelectListItem> Participations() =>
        Enum.GetValues<EventParticipation>().Select(s => new SelectListItem(Display.Enum(s), s.ToString()));

    public static IEnumerable<SelectListItem> Languages() =>
        CampaignInput.Languages.Select(l => new SelectListItem(UiText.Get("Campaigns.Language." + l), l));

    public static IEnumerable<SelectListItem> Events(IReadOnlyList<CampaignEventChoice> events) =>
        events.Select(e => new SelectListItem($"{Display.Date(e.Date)} {e.Name}", e.Id.ToString())).Prepend(new(UiText.Get("Campaigns.Any"), ""));

    public static string ServiceLine(string line) => UiText.Get("Campaigns.ServiceLine." + line);

    public static string PurposeName(string purpose) => Catalog.Purposes.Name(purpose, Language);

    /// <summary>The selection's conditions in words, one per line (a condition not given is left out).</summary>
    public static IEnumerable<(string Label, string Value)> Describe(CampaignCriteria c, IReadOnlyList<CampaignEventChoice> events)
    {
        yield return (UiText.Get("Campaigns.Kinds"), c.Kinds.Count == 0
            ? UiText.Get("Campaigns.AllKinds")
            : string.Join(", ", c.Kinds.Select(k => UiText.Get("Kind." + k))));
        if (c.Relationship is { } r)
        {
            yield return (UiText.Get("Campaigns.Relationship"), Display.Enum(r));
        }

        if (c.PostalCodePrefix is { } prefix)
        {
            yield return (UiText.Get("Campaigns.PostalCodePrefix"), prefix);
        }

        if (c.Municipality is { } m)
        {
            yield return (UiText.Get("Campaigns.Municipality"), m);
        }

        if (c.UsedService is { } used)
        {
            yield return (UiText.Get("Campaigns.UsedService"), ServiceLine(used));
        }

        if (c.ServiceLine is { } line)
        {
            yield return (UiText.Get("Campaigns.ServiceLine"), ServiceLine(line));
        }

        if (c.Segment is { } s)
        {
            yield return (UiText.Get("Campaigns.Segment"), Display.Enum(s));
        }

        if (c.Interest is { } i)
        {
            yield return (UiText.Get("Campaigns.Interest"), Display.Enum(i));
        }

        if (c.EventId is { } e)
        {
            var ev = events.FirstOrDefault(x => x.Id == e);
            yield return (UiText.Get("Campaigns.Event"), ev is null ? "–" : $"{Display.Date(ev.Date)} {ev.Name}");
            yield return (UiText.Get("Campaigns.Participation"), Display.Enum(c.Participation ?? EventParticipation.Invited));
        }

        yield return (UiText.Get("Campaigns.Language"), UiText.Get("Campaigns.Language." + c.Language));
    }
}
