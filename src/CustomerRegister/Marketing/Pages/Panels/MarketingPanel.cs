using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using CustomerRegister.Subjects.Pages.Subjects;

namespace CustomerRegister.Marketing.Pages.Panels;

/// <summary>One channel's current decision as the panel shows it: "✗ kielletty 12.3.2025 (lähde)", "✓ lupa 4.5.2024".</summary>
public sealed record ChannelLine(MarketingChannel Channel, bool Allowed, bool Denied, bool Prohibited, string Text, IReadOnlyList<string> OtherPurposes);

/// <summary>
/// The marketing panel's view of a person's ledger: the decision per contact channel for sales and marketing (and the
/// other purposes where something is recorded), from the decisions the ledger use case derived. A person with nothing
/// recorded gets the law's defaults from <see cref="MarketingConsentRules"/>, the same rules the API applies.
/// </summary>
public static class MarketingPanel
{
    /// <summary>
    /// <paramref name="restricted"/>: the person's processing is restricted (Art 18), so no marketing reaches them whatever
    /// the ledger says (as <see cref="MarketingLedger.DecideAsync"/> answers a campaign tool).
    /// </summary>
    public static IReadOnlyList<ChannelLine> Channels(MarketingPicture? picture, SubjectKind kind, bool restricted)
    {
        var decisions = picture?.Consents.State ?? MarketingConsentRules.DecideAll(kind, []);
        var ledger = picture?.Consents.Ledger ?? [];
        return [.. MarketingConsentRules.ContactChannels.Select(channel =>
        {
            var main = decisions.First(d => d.Channel == channel && d.Purpose == Purposes.Marketing);
            var others = decisions.Where(d => d.Channel == channel && d.Purpose != Purposes.Marketing && d.State != ConsentState.NotAsked)
                .Select(d => $"{Purposes.Name(d.Purpose, Language)}: {Describe(d, ledger)}").ToList();
            if (restricted)
            {
                others.Insert(0, Describe(main, ledger));
                return new ChannelLine(channel, false, true, main.Reason == ConsentReasons.Prohibited,
                    $"✗ {UiText.Get("Panel.Marketing.Restricted")}", others);
            }

            return new ChannelLine(channel, main.Allowed, main.State == ConsentState.Denied, main.Reason == ConsentReasons.Prohibited,
                Describe(main, ledger), others);
        })];
    }

    /// <summary>The web-behaviour consent, when anything is recorded for it.</summary>
    public static string? Web(MarketingPicture? picture) =>
        picture?.Consents.State.FirstOrDefault(d => d.Channel == MarketingChannel.Web) is { State: not ConsentState.NotAsked } web
            ? Describe(web, picture.Consents.Ledger)
            : null;

    /// <summary>The channels refused in force (a prohibition, or a withdrawal where the default would allow), for the header.</summary>
    public static IReadOnlyList<MarketingChannel> Refused(MarketingPicture picture) =>
        [.. picture.Consents.State.Where(d => MarketingConsentRules.ContactChannels.Contains(d.Channel)
            && MarketingConsentRules.IsRefusal(picture.Consents.SubjectKind, d)).Select(d => d.Channel).Distinct()];

    public static string Describe(ConsentDecision d, IReadOnlyList<ConsentEntryResponse> ledger)
    {
        var since = Display.Date(d.Since);
        var entry = d.DecidingEntryId is { } id ? ledger.FirstOrDefault(e => e.Id == id) : null;
        var source = entry is null ? "" : $" ({UiText.Get("Source." + entry.Source).ToLowerInvariant()})";
        return d.Reason switch
        {
            ConsentReasons.Prohibited => $"✗ {UiText.Format("Panel.Marketing.Prohibited", since)}{source}",
            ConsentReasons.Withdrawn => $"✗ {UiText.Format("Panel.Marketing.Withdrawn", since)}{source}",
            ConsentReasons.Permission => $"✓ {UiText.Format("Panel.Marketing.Permission", since)}{source}",
            ConsentReasons.SoftOptIn => $"✓ {UiText.Format("Panel.Marketing.SoftOptIn", since)}",
            ConsentReasons.AllowedUnlessRefused => $"✓ {UiText.Get("Panel.Marketing.AllowedUnlessRefused")}",
            ConsentReasons.ConsentRequired => $"– {UiText.Get("Panel.Marketing.ConsentRequired")}",
            ConsentReasons.SoftOptInLapsed => $"– {UiText.Get("Panel.Marketing.SoftOptInLapsed")}",
            ConsentReasons.SoftOptInOtherService => $"– {UiText.Get("Panel.Marketing.SoftOptInLapsed")}",
            ConsentReasons.Restricted => $"✗ {UiText.Get("Panel.Marketing.Restricted")}",
            _ => d.Allowed ? "✓" : "✗",
        };
    }

    /// <summary>The header's badges: one per refused channel ("Markkinointikielto: sähköposti").</summary>
    public sealed class Badges : ISubjectBadges
    {
        public string Section => "marketing";

        public IEnumerable<Badge> Of(object items) =>
            items is MarketingPicture picture
                ? Refused(picture).Select(c => new Badge(
                    UiText.Format("Panel.Marketing.Badge", Display.Enum(c).ToLower(System.Globalization.CultureInfo.CurrentCulture)), "ban"))
                : [];
    }

    private static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
