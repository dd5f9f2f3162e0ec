using CustomerRegister.Localization;

namespace CustomerRegister.Disclosures;

/// <summary>Why a recipient may receive nothing.</summary>
public enum RefusalReason
{
    /// <summary>The recipient's relationship has ended.</summary>
    Ended = 1,

    /// <summary>Outside the EU/EEA without an adequacy decision or safeguard recorded.</summary>
    NoTransferSafeguard = 2,

    /// <summary>None of the asked categories is one the recipient may receive.</summary>
    NoAllowedCategory = 3,
}

/// <summary>A check's answer: the categories that may go (in the asked order), those that may not, or the refusal.</summary>
public sealed record DisclosureDecision(IReadOnlyList<string> Allowed, IReadOnlyList<string> Withheld, RefusalReason? Refusal)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// The registry's rules, pure: whether a recipient may receive data at all (active; in the EU/EEA or with a safeguard)
/// and which of the asked categories. The one place the rules live; the registry's form and <see cref="DiscloseData"/>
/// both ask here.
/// </summary>
public static class DisclosureRules
{
    /// <summary>Whether a recipient in <paramref name="countryCode"/> needs a recorded safeguard, and lacks one.</summary>
    public static bool LacksTransferSafeguard(string countryCode, TransferSafeguard safeguard, string? details) =>
        !EeaCountries.Contains(countryCode) && (safeguard == TransferSafeguard.None || string.IsNullOrWhiteSpace(details));

    public static DisclosureDecision Decide(Recipient recipient, IReadOnlyCollection<string> asked)
    {
        if (!recipient.IsActive)
        {
            return new([], [.. asked], RefusalReason.Ended);
        }

        if (LacksTransferSafeguard(recipient.CountryCode, recipient.Safeguard, recipient.SafeguardDetails))
        {
            return new([], [.. asked], RefusalReason.NoTransferSafeguard);
        }

        var may = recipient.Categories.ToHashSet(StringComparer.Ordinal);
        var allowed = asked.Where(may.Contains).Distinct(StringComparer.Ordinal).ToList();
        var withheld = asked.Where(k => !may.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        return new(allowed, withheld, allowed.Count == 0 ? RefusalReason.NoAllowedCategory : null);
    }

    public static LocalText Text(RefusalReason reason) => reason switch
    {
        RefusalReason.Ended => new(
            "Vastaanottajan suhde on päättynyt: sille ei luovuteta tietoja.",
            "Mottagarens relation har upphört: inga uppgifter lämnas ut till den.",
            "The recipient has ended: nothing is disclosed to it."),
        RefusalReason.NoTransferSafeguard => NoSafeguard,
        _ => new(
            "Vastaanottaja ei saa yhtään pyydetyistä tietoryhmistä.",
            "Mottagaren får inte någon av de begärda uppgiftskategorierna.",
            "The recipient may receive none of the categories asked for."),
    };

    /// <summary>The refusal of a recipient outside the EU/EEA without a safeguard, also shown beside the registry form's country.</summary>
    public static readonly LocalText NoSafeguard = new(
        "Vastaanottaja on EU:n ja ETA:n ulkopuolella: luovutus edellyttää kirjattua tietosuojan riittävyyttä koskevaa päätöstä tai suojatoimia.",
        "Mottagaren finns utanför EU och EES: utlämnande kräver ett registrerat beslut om adekvat skyddsnivå eller skyddsåtgärder.",
        "The recipient is outside the EU/EEA: a disclosure needs an adequacy decision or safeguards recorded.");
}
