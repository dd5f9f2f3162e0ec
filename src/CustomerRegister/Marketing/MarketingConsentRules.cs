using CustomerRegister.Catalog;
using CustomerRegister.Localization;
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

    /// <summary>A soft opt-in whose relationship or sale ended too long ago (or is no longer in the register).</summary>
    public const string SoftOptInLapsed = "soft_opt_in_lapsed";

    /// <summary>A soft opt-in for another of the company's service lines than the one asked about.</summary>
    public const string SoftOptInOtherService = "soft_opt_in_other_service";
    public const string Withdrawn = "withdrawn";
    public const string ConsentRequired = "prior_consent_required";
    public const string AllowedUnlessRefused = "allowed_unless_refused";

    /// <summary>The person's processing is restricted (Art 18): stored only.</summary>
    public const string Restricted = "restricted";
}

/// <summary>
/// The ledger entry as the rules see it (no EF, no HTTP). A soft opt-in carries its <see cref="SoftOptInBasis"/> as
/// found in the register; without one it never allows anything.
/// </summary>
public sealed record ConsentFact(
    MarketingChannel Channel, string Purpose, ConsentEntryKind Kind, DateTime OccurredAt, Guid Id, SoftOptInBasis? Basis = null);

/// <summary>
/// What a soft opt-in rests on, as the register holds it now: the service line it covers and the day its basis ended —
/// the customer relationship's end, or the sale's (invoice's) date for a sale without a relationship; null while the
/// relationship lasts.
/// </summary>
public sealed record SoftOptInBasis(string ServiceLine, DateOnly? EndedOn);

/// <summary>
/// What a soft opt-in is judged against: today's Helsinki date, <c>Marketing:SoftOptInMonthsAfterEnd</c>, and the
/// service line being marketed (null when the message names none, e.g. an invitation to the company's own event).
/// </summary>
public sealed record SoftOptInTerms(DateOnly Today, int MonthsAfterEnd, string? ServiceLine = null);

/// <summary>A soft opt-in as it is to be recorded: what it rests on, whether an opt-out was offered, what it covers.</summary>
public sealed record SoftOptInClaim(Guid? RelationshipId, Guid? InvoiceId, bool? OptOutOffered, string? ServiceLine);

/// <summary>The relationship or invoice a soft opt-in names, as found: whose it is and when it ended (null while it lasts).</summary>
public sealed record SoftOptInSource(Guid? SubjectId, DateOnly? EndedOn);

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
    private static readonly LocalText BasisRequired = new(
        "Pakollinen tieto: henkilön asiakkuus (relationshipId) tai ostos (invoiceId), johon asiakassuhteeseen perustuva markkinointi perustuu.",
        "Obligatorisk uppgift: personens kundrelation (relationshipId) eller köp (invoiceId) som marknadsföringen grundar sig på.",
        "Required: the person's customer relationship (relationshipId) or the sale (invoiceId) the soft opt-in rests on.");

    private static readonly LocalText BasisEitherOr = new(
        "Anna joko asiakkuus (relationshipId) tai lasku (invoiceId), ei molempia.",
        "Ange antingen kundrelation (relationshipId) eller faktura (invoiceId), inte båda.",
        "Give either relationshipId or invoiceId, not both.");

    private static readonly LocalText NoSuchInvoice = new(
        "Laskua ei löydy.",
        "Fakturan finns inte.",
        "No such invoice.");

    private static readonly LocalText NoSuchRelationship = new(
        "Asiakkuutta ei löydy.",
        "Kundrelationen finns inte.",
        "No such customer relationship.");

    private static readonly LocalText SomeoneElses = new(
        "Kuuluu toiselle: asiakassuhteeseen perustuva markkinointi perustuu henkilön omaan asiakkuuteen tai ostokseen.",
        "Tillhör någon annan: marknadsföringen grundar sig på personens egen kundrelation eller eget köp.",
        "Belongs to someone else: a soft opt-in rests on the person's own customer relationship or purchase.");

    private static readonly LocalText Lapsed = new(
        "Päättyi yli {0} kuukautta sitten (Marketing:SoftOptInMonthsAfterEnd): asiakassuhteeseen perustuva markkinointi raukeaa asiakkuuden mukana.",
        "Upphörde för mer än {0} månader sedan (Marketing:SoftOptInMonthsAfterEnd): marknadsföringen upphör med kundrelationen.",
        "Ended more than {0} months ago (Marketing:SoftOptInMonthsAfterEnd): a soft opt-in lapses with the customer relationship.");

    private static readonly LocalText OptOutRequired = new(
        "Pakollinen (kyllä): asiakkaalle on täytynyt tarjota maksuton ja helppo tapa kieltäytyä, kun yhteystiedot kerättiin.",
        "Obligatoriskt (ja): kunden måste ha erbjudits ett kostnadsfritt och enkelt sätt att tacka nej när kontaktuppgifterna samlades in.",
        "Required true: the customer must have been offered a free and easy way to refuse when the contact details were collected.");

    private static readonly LocalText ServiceLineRequired = new(
        "Pakollinen tieto: yrityksen oma palvelulinja, jota markkinointi koskee, jokin näistä: {0}.",
        "Obligatorisk uppgift: företagets egen tjänstelinje som marknadsföringen gäller, en av följande: {0}.",
        "Required: the company's own service line the soft opt-in covers, one of {0}.");

    private static readonly LocalText ServiceLineUnknown = new(
        "Tuntematon palvelulinja: yrityksen oma palvelulinja, jota markkinointi koskee, jokin näistä: {0}.",
        "Okänd tjänstelinje: företagets egen tjänstelinje som marknadsföringen gäller, en av följande: {0}.",
        "Unknown service line: the company's own service line the soft opt-in covers, one of {0}.");

    private static readonly LocalText SoftOptInChannels = new(
        "Asiakassuhteeseen perustuva markkinointi koskee vain sähköpostia ja tekstiviestiä suoramarkkinoinnissa (yrityksen omat samankaltaiset tuotteet).",
        "Marknadsföring som grundar sig på kundförhållandet gäller endast e-post och sms för direktmarknadsföring (företagets egna liknande produkter).",
        "A soft opt-in applies only to email or SMS for {0} (the company's own similar products).");

    private static readonly LocalText Prohibited = new(
        "Henkilö on kieltänyt tämän markkinoinnin; kirjaa ensin kiellon peruminen.",
        "Personen har förbjudit den här marknadsföringen; registrera först att förbudet hävs.",
        "The person has prohibited this marketing; record the lifting of the prohibition first.");

    private static readonly LocalText Refused = new(
        "Henkilö on kieltäytynyt tästä markkinoinnista; asiakassuhteeseen perustuva markkinointi ei voi ohittaa sitä, vain uusi lupa voi.",
        "Personen har tackat nej till den här marknadsföringen; marknadsföring som grundar sig på kundförhållandet kan inte åsidosätta det, endast ett nytt tillstånd kan.",
        "The person has refused this marketing; a soft opt-in cannot override that, only a new permission can.");

    private static readonly LocalText NoProhibition = new(
        "Voimassa olevaa kieltoa ei ole, joten sitä ei voi perua.",
        "Det finns inget gällande förbud att häva.",
        "There is no prohibition in force to lift.");

    /// <summary>The direct-marketing purposes a ledger entry may name (notice § 5).</summary>
    public static IReadOnlyList<string> MarketingPurposes { get; } =
        [Purposes.Marketing, Purposes.MarketResearch, Purposes.CustomerAcquisition];

    /// <summary>
    /// The company's own service lines a soft opt-in may cover (917/2014 § 200(2): "its own similar products or
    /// services"): a soft opt-in obtained in one line's sale covers marketing of that line only.
    /// </summary>
    public static IReadOnlyList<string> ServiceLines { get; } = [MetalBuying, VehicleScrapping, WasteServices];

    public const string MetalBuying = "metal_buying";
    public const string VehicleScrapping = "vehicle_scrapping";
    public const string WasteServices = "waste_services";

    /// <summary>The channels direct marketing reaches a person on (all but <see cref="MarketingChannel.Web"/>).</summary>
    public static IReadOnlyList<MarketingChannel> ContactChannels { get; } =
        [MarketingChannel.Email, MarketingChannel.Sms, MarketingChannel.Phone, MarketingChannel.Post];

    /// <summary>
    /// Every channel × purpose the ledger holds: each contact channel for each direct-marketing purpose, and the
    /// website for web-behaviour analysis (the consent a known person's web events need, GDPR Art 6(1)(a), 917/2014 § 205).
    /// </summary>
    public static IReadOnlyList<(MarketingChannel Channel, string Purpose)> Pairs { get; } =
        [.. from channel in ContactChannels from purpose in MarketingPurposes select (channel, purpose), (MarketingChannel.Web, Purposes.WebAnalytics)];

    /// <summary>The purposes a ledger entry may name.</summary>
    public static IReadOnlyList<string> LedgerPurposes { get; } = [.. MarketingPurposes, Purposes.WebAnalytics];

    public static bool IsPair(MarketingChannel channel, string purpose) =>
        Pairs.Contains((channel, purpose));

    public static bool IsLedgerPurpose(string? purpose) =>
        purpose is not null && LedgerPurposes.Contains(purpose, StringComparer.Ordinal);

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
        channel == MarketingChannel.Web || (IsElectronic(channel) && kind != SubjectKind.ContactPerson);

    /// <summary>
    /// The last day a soft opt-in holds: <paramref name="monthsAfterEnd"/> months after its relationship or sale ended
    /// (on the same day of the month, or the month's last day); null while the relationship lasts.
    /// </summary>
    public static DateOnly? SoftOptInLastDay(DateOnly? endedOn, int monthsAfterEnd) => endedOn?.AddMonths(monthsAfterEnd);

    /// <summary>Why a soft opt-in does not allow marketing under <paramref name="terms"/>, or null when it is in force.</summary>
    public static string? SoftOptInNotInForce(SoftOptInBasis? basis, SoftOptInTerms? terms) =>
        basis is null || terms is null || SoftOptInLastDay(basis.EndedOn, terms.MonthsAfterEnd) < terms.Today
            ? ConsentReasons.SoftOptInLapsed
            : terms.ServiceLine is not null && !string.Equals(terms.ServiceLine, basis.ServiceLine, StringComparison.Ordinal)
                ? ConsentReasons.SoftOptInOtherService
                : null;

    /// <summary>
    /// The decision for one channel and purpose. A soft opt-in counts only while it is in force under
    /// <paramref name="terms"/> (<see cref="SoftOptInNotInForce"/>); without terms none does. A soft opt-in that lapsed
    /// or covers another service line is passed over: an older permission or withdrawal then decides, else the law's
    /// default with the soft opt-in's reason.
    /// </summary>
    public static ConsentDecision Decide(
        SubjectKind kind, MarketingChannel channel, string purpose, IEnumerable<ConsentFact> ledger, SoftOptInTerms? terms = null)
    {
        var all = ledger.Where(f => f.Channel == channel && string.Equals(f.Purpose, purpose, StringComparison.Ordinal))
            .OrderBy(f => f.OccurredAt).ThenBy(f => f.Id).ToList();
        var passedOver = all.LastOrDefault(f => f.Kind == ConsentEntryKind.SoftOptIn && SoftOptInNotInForce(f.Basis, terms) is not null);
        var entries = all.Where(f => f.Kind != ConsentEntryKind.SoftOptIn || SoftOptInNotInForce(f.Basis, terms) is null).ToList();

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
            _ when !NeedsPriorConsent(kind, channel) =>
                new(channel, purpose, ConsentState.NotAsked, true, ConsentReasons.AllowedUnlessRefused, null, null),
            _ when passedOver is not null =>
                new(channel, purpose, ConsentState.NotAsked, false, SoftOptInNotInForce(passedOver.Basis, terms)!, passedOver.Id,
                    passedOver.OccurredAt),
            _ => new(channel, purpose, ConsentState.NotAsked, false, ConsentReasons.ConsentRequired, null, null),
        };
    }

    /// <summary>The state of every channel × purpose of the ledger (<see cref="Pairs"/>).</summary>
    public static IReadOnlyList<ConsentDecision> DecideAll(SubjectKind kind, IReadOnlyCollection<ConsentFact> ledger, SoftOptInTerms? terms = null) =>
        [.. Pairs.Select(p => Decide(kind, p.Channel, p.Purpose, ledger, terms))];

    /// <summary>
    /// What is wrong with a soft opt-in to be recorded for <paramref name="subjectId"/>, per request field (empty when
    /// nothing is): it must rest on exactly one of the person's own customer relationship or sale (invoice) that has not
    /// ended more than the configured months ago, state that an opt-out was offered at collection, and name one of the
    /// company's <see cref="ServiceLines"/>. <paramref name="found"/> is the named relationship or invoice, null if none.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, LocalText>> SoftOptInProblems(
        Guid subjectId, SoftOptInClaim claim, SoftOptInSource? found, SoftOptInTerms terms)
    {
        var problems = new List<KeyValuePair<string, LocalText>>();
        void Add(string field, LocalText message) => problems.Add(new(field, message));

        var field = claim.InvoiceId is not null && claim.RelationshipId is null ? "invoiceId" : "relationshipId";
        if (claim.RelationshipId is null && claim.InvoiceId is null)
        {
            Add("relationshipId", BasisRequired);
        }
        else if (claim.RelationshipId is not null && claim.InvoiceId is not null)
        {
            Add("invoiceId", BasisEitherOr);
        }
        else if (found is null)
        {
            Add(field, field == "invoiceId" ? NoSuchInvoice : NoSuchRelationship);
        }
        else if (found.SubjectId != subjectId)
        {
            Add(field, SomeoneElses);
        }
        else if (SoftOptInLastDay(found.EndedOn, terms.MonthsAfterEnd) < terms.Today)
        {
            Add(field, Lapsed.Format(terms.MonthsAfterEnd));
        }

        if (claim.OptOutOffered != true)
        {
            Add("optOutOffered", OptOutRequired);
        }

        if (claim.ServiceLine is null || !ServiceLines.Contains(claim.ServiceLine, StringComparer.Ordinal))
        {
            Add("serviceLine", (string.IsNullOrWhiteSpace(claim.ServiceLine) ? ServiceLineRequired : ServiceLineUnknown)
                .Format(string.Join(", ", ServiceLines)));
        }

        return problems;
    }

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
        [.. DecideAll(kind, ledger).Where(d => ContactChannels.Contains(d.Channel) && IsRefusal(kind, d)).Select(d => d.Channel).Distinct()];

    /// <summary>
    /// The ledger entries that can make a refusal while in force (<see cref="MarketingConsent.SupersededAt"/> null): a
    /// cheap indexed pre-filter of the people whose ledger <see cref="RefusedChannels"/> has to look at.
    /// </summary>
    public static IReadOnlyList<ConsentEntryKind> RefusalKinds { get; } = [ConsentEntryKind.Prohibition, ConsentEntryKind.PermissionWithdrawn];

    /// <summary>Why a new entry may not be appended, or null. Keeps the ledger coherent rather than silently ineffective.</summary>
    public static LocalText? Refusal(SubjectKind kind, MarketingChannel channel, string purpose, ConsentEntryKind entry, IEnumerable<ConsentFact> ledger)
    {
        if (entry == ConsentEntryKind.SoftOptIn && (!IsElectronic(channel) || purpose != Purposes.Marketing))
        {
            return SoftOptInChannels.Format(Purposes.Marketing);
        }

        var current = Decide(kind, channel, purpose, ledger);
        if (entry is ConsentEntryKind.PermissionGranted or ConsentEntryKind.SoftOptIn && current.Reason == ConsentReasons.Prohibited)
        {
            return Prohibited;
        }

        if (entry == ConsentEntryKind.SoftOptIn && current.Reason == ConsentReasons.Withdrawn)
        {
            return Refused;
        }

        if (entry == ConsentEntryKind.ProhibitionLifted && current.Reason != ConsentReasons.Prohibited)
        {
            return NoProhibition;
        }

        return null;
    }
}
