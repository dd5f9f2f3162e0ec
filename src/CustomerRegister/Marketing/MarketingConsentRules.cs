using CustomerRegister.Catalog;
using CustomerRegister.Subjects;

namespace CustomerRegister.Marketing;

public enum ConsentState
{
    Allowed = 1,
    Denied = 2,

    /// <summary>Nothing recorded: <see cref="ConsentDecision.Allowed"/> then carries the law's default.</summary>
    NotAsked = 3,
}

/// <summary>Why a decision came out as it did; stable codes a campaign tool can act on.</summary>
public static class ConsentReasons
{
    public const string Prohibited = "prohibited";
    public const string Permission = "permission";
    public const string SoftOptIn = "soft_opt_in";
    public const string Withdrawn = "withdrawn";
    public const string ConsentRequired = "prior_consent_required";
    public const string AllowedUnlessRefused = "allowed_unless_refused";

    /// <summary>The person's processing is restricted (Art 18): stored only.</summary>
    public const string Restricted = "restricted";
}

/// <summary>The ledger entry as the rules see it (no EF, no HTTP).</summary>
public sealed record ConsentFact(MarketingChannel Channel, string Purpose, ConsentEntryKind Kind, DateTime OccurredAt, Guid Id);

public sealed record ConsentDecision(
    MarketingChannel Channel, string Purpose, ConsentState State, bool Allowed, string Reason, Guid? DecidingEntryId, DateTime? Since);

/// <summary>
/// Derives whether a person may be sent direct marketing on a channel for a purpose (917/2014 § 200, GDPR Art 21):
/// electronic marketing (email, SMS) to a natural person needs prior consent or a soft opt-in from a sale; to an
/// organisation's contact person it is allowed unless refused; post and phone are allowed unless refused. A
/// prohibition wins whatever its age until it is lifted; among permissions, soft opt-ins and withdrawals the newest
/// wins.
/// </summary>
public static class MarketingConsentRules
{
    /// <summary>The direct-marketing purposes a ledger entry may name (notice § 5).</summary>
    public static IReadOnlyList<string> MarketingPurposes { get; } =
        [Purposes.Marketing, Purposes.MarketResearch, Purposes.CustomerAcquisition];

    public static bool IsMarketingPurpose(string? purpose) =>
        purpose is not null && MarketingPurposes.Contains(purpose, StringComparer.Ordinal);

    public static bool IsElectronic(MarketingChannel channel) => channel is MarketingChannel.Email or MarketingChannel.Sms;

    /// <summary>
    /// When each entry stopped being the evidence in force: the time of the earliest later entry for the same channel and
    /// purpose, of the same family (a prohibition and its lifting; permissions, withdrawals and soft opt-ins) but of
    /// another kind — null while nothing replaced it. The consent-evidence period (notice § 11) counts from this moment,
    /// so a prohibition still in force is never due. Entries may arrive out of order (a letter recorded later), so the
    /// whole ledger of the channel and purpose is evaluated, not just the newest entry.
    /// </summary>
    public static IReadOnlyDictionary<Guid, DateTime?> SupersededAt(IEnumerable<ConsentFact> ledger)
    {
        var entries = ledger.ToList();
        return entries.ToDictionary(e => e.Id, e => entries
            .Where(n => n.Channel == e.Channel && string.Equals(n.Purpose, e.Purpose, StringComparison.Ordinal)
                        && IsBan(n.Kind) == IsBan(e.Kind) && n.Kind != e.Kind && n.OccurredAt > e.OccurredAt)
            .Select(n => (DateTime?)n.OccurredAt).Min());
    }

    private static bool IsBan(ConsentEntryKind kind) => kind is ConsentEntryKind.Prohibition or ConsentEntryKind.ProhibitionLifted;

    /// <summary>Natural persons acting for themselves: a sole trader is a natural person too, so consent is needed.</summary>
    public static bool NeedsPriorConsent(SubjectKind kind, MarketingChannel channel) =>
        IsElectronic(channel) && kind != SubjectKind.ContactPerson;

    public static ConsentDecision Decide(SubjectKind kind, MarketingChannel channel, string purpose, IEnumerable<ConsentFact> ledger)
    {
        var entries = ledger.Where(f => f.Channel == channel && string.Equals(f.Purpose, purpose, StringComparison.Ordinal))
            .OrderBy(f => f.OccurredAt).ThenBy(f => f.Id).ToList();

        var ban = entries.LastOrDefault(f => f.Kind is ConsentEntryKind.Prohibition or ConsentEntryKind.ProhibitionLifted);
        if (ban is { Kind: ConsentEntryKind.Prohibition })
        {
            return new(channel, purpose, ConsentState.Denied, false, ConsentReasons.Prohibited, ban.Id, ban.OccurredAt);
        }

        var said = entries.LastOrDefault(f => f.Kind is ConsentEntryKind.PermissionGranted or ConsentEntryKind.PermissionWithdrawn
            or ConsentEntryKind.SoftOptIn);
        return said switch
        {
            { Kind: ConsentEntryKind.PermissionGranted } =>
                new(channel, purpose, ConsentState.Allowed, true, ConsentReasons.Permission, said.Id, said.OccurredAt),
            { Kind: ConsentEntryKind.SoftOptIn } =>
                new(channel, purpose, ConsentState.Allowed, true, ConsentReasons.SoftOptIn, said.Id, said.OccurredAt),
            { Kind: ConsentEntryKind.PermissionWithdrawn } =>
                new(channel, purpose, ConsentState.Denied, false, ConsentReasons.Withdrawn, said.Id, said.OccurredAt),
            _ => NeedsPriorConsent(kind, channel)
                ? new(channel, purpose, ConsentState.NotAsked, false, ConsentReasons.ConsentRequired, null, null)
                : new(channel, purpose, ConsentState.NotAsked, true, ConsentReasons.AllowedUnlessRefused, null, null),
        };
    }

    /// <summary>The state of every channel × marketing purpose.</summary>
    public static IReadOnlyList<ConsentDecision> DecideAll(SubjectKind kind, IReadOnlyCollection<ConsentFact> ledger) =>
        [.. from channel in Enum.GetValues<MarketingChannel>()
            from purpose in MarketingPurposes
            select Decide(kind, channel, purpose, ledger)];

    /// <summary>
    /// Whether a decision is the person's "no" that must outlive them (kept as a ban when they are erased or purged): a
    /// prohibition in force, or a withdrawal in force where the law's default without it would allow the marketing — a
    /// contact person's refusal of B2B electronic marketing, anyone's refusal of post or phone. A consumer's withdrawn
    /// email or SMS consent only returns them to the default (no consent, no marketing), which a new record has anyway.
    /// </summary>
    public static bool IsRefusal(SubjectKind kind, ConsentDecision decision) =>
        decision.Reason == ConsentReasons.Prohibited
        || (decision.Reason == ConsentReasons.Withdrawn && !NeedsPriorConsent(kind, decision.Channel));

    /// <summary>Channels on which the latest decision for some marketing purpose is a refusal (<see cref="IsRefusal"/>).</summary>
    public static IReadOnlyList<MarketingChannel> RefusedChannels(SubjectKind kind, IReadOnlyCollection<ConsentFact> ledger) =>
        [.. DecideAll(kind, ledger).Where(d => IsRefusal(kind, d)).Select(d => d.Channel).Distinct()];

    /// <summary>
    /// The ledger entries that can make a refusal while in force (<see cref="MarketingConsent.SupersededAt"/> null): a
    /// cheap indexed pre-filter of the people whose ledger <see cref="RefusedChannels"/> has to look at.
    /// </summary>
    public static IReadOnlyList<ConsentEntryKind> RefusalKinds { get; } = [ConsentEntryKind.Prohibition, ConsentEntryKind.PermissionWithdrawn];

    /// <summary>Why a new entry may not be appended, or null. Keeps the ledger coherent rather than silently ineffective.</summary>
    public static string? Refusal(SubjectKind kind, MarketingChannel channel, string purpose, ConsentEntryKind entry, IEnumerable<ConsentFact> ledger)
    {
        if (entry == ConsentEntryKind.SoftOptIn && (!IsElectronic(channel) || purpose != Purposes.Marketing))
        {
            return $"A soft opt-in applies only to email or SMS for {Purposes.Marketing} (the company's own similar products).";
        }

        var current = Decide(kind, channel, purpose, ledger);
        if (entry is ConsentEntryKind.PermissionGranted or ConsentEntryKind.SoftOptIn && current.Reason == ConsentReasons.Prohibited)
        {
            return "The person has prohibited this marketing; record the lifting of the prohibition first.";
        }

        if (entry == ConsentEntryKind.SoftOptIn && current.Reason == ConsentReasons.Withdrawn)
        {
            return "The person has refused this marketing; a soft opt-in cannot override that, only a new permission can.";
        }

        if (entry == ConsentEntryKind.ProhibitionLifted && current.Reason != ConsentReasons.Prohibited)
        {
            return "There is no prohibition in force to lift.";
        }

        return null;
    }
}
