using CustomerRegister.Data;
using CustomerRegister.Subjects;

namespace CustomerRegister.Marketing;

public enum MarketingChannel
{
    Email = 1,
    Sms = 2,
    Phone = 3,
    Post = 4,

    /// <summary>The company's website: consent to collect the person's web behaviour (<see cref="Catalog.Purposes.WebAnalytics"/>).</summary>
    Web = 5,
}

public enum ConsentEntryKind
{
    PermissionGranted = 1,
    PermissionWithdrawn = 2,
    Prohibition = 3,
    ProhibitionLifted = 4,

    /// <summary>Contact details obtained in a sale, the customer told they may refuse (917/2014 § 200 (2)).</summary>
    SoftOptIn = 5,
}

/// <summary>
/// One entry of a person's direct-marketing ledger. Rows are immutable: the app only appends (there is no update or
/// delete endpoint and the row is not <see cref="IVersioned"/>), so the ledger is the evidence of what the person
/// said and when. The current state is derived by <see cref="MarketingConsentRules"/>.
/// </summary>
public sealed class MarketingConsent : SubjectRecord
{
    public MarketingChannel Channel { get; set; }

    public string Purpose { get; set; } = "";

    public ConsentEntryKind Kind { get; set; }

    /// <summary>When the person gave, withdrew or refused; may be earlier than the recording (a letter read later).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Version of the text the person agreed to or was told, e.g. <c>email-2026-01</c>.</summary>
    public string? WordingVersion { get; set; }

    /// <summary>The privacy notice version in force when the person gave or refused (<c>/tietosuoja/versiot/{n}</c>).</summary>
    public int? NoticeVersion { get; set; }

    /// <summary>Reference to the evidence: web form id, call recording id, letter scan id, order number.</summary>
    public string? Evidence { get; set; }

    public string RecordedByKind { get; set; } = "";

    public Guid? RecordedById { get; set; }

    /// <summary>A soft opt-in's basis: the person's customer relationship (<c>customer_relationships</c>), or null.</summary>
    public Guid? RelationshipId { get; set; }

    /// <summary>A soft opt-in's basis when the sale had no customer relationship: the person's invoice, or null.</summary>
    public Guid? InvoiceId { get; set; }

    /// <summary>A soft opt-in: the customer was offered a free and easy way to refuse when the details were collected.</summary>
    public bool? OptOutOffered { get; set; }

    /// <summary>A soft opt-in: the company's own service line it covers (<see cref="MarketingConsentRules.ServiceLines"/>).</summary>
    public string? ServiceLine { get; set; }

    /// <summary>
    /// When a later entry replaced this one (<see cref="MarketingConsentRules.SupersededAt"/>), null while it is the
    /// evidence in force. The consent-evidence period counts from it. Derived, kept up to date on every append.
    /// </summary>
    public DateTime? SupersededAt { get; set; }
}

/// <summary>A customer survey; describes the survey only, not anyone's answers.</summary>
public sealed class Survey
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateOnly Date { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class SurveyResponse : SubjectRecord, IVersioned
{
    public Guid SurveyId { get; set; }

    public DateTime AnsweredAt { get; set; }

    /// <summary>The answers as the survey tool sends them (text or JSON).</summary>
    public string Answers { get; set; } = "";

    public int? Score { get; set; }
}

/// <summary>A marketing event (fair, open day, seminar); not personal.</summary>
public sealed class MarketingEvent
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateOnly Date { get; set; }

    public string? Place { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum ParticipationStatus
{
    Invited = 1,
    Registered = 2,
    Attended = 3,
    Cancelled = 4,
}

public sealed class EventInvitation : SubjectRecord, IVersioned
{
    public Guid EventId { get; set; }

    public DateTime InvitedAt { get; set; }

    public MarketingChannel Channel { get; set; }

    public ParticipationStatus Status { get; set; }

    public DateTime StatusAt { get; set; }
}

public enum WebEventKind
{
    PageView = 1,
    Download = 2,
    FormSubmit = 3,
}

/// <summary>
/// How many web events naming a person arrived on a (Helsinki) day without a web-behaviour consent in force for them,
/// and were therefore dropped, not stored. Only a date and a count: nobody's personal data.
/// </summary>
public sealed class UnlinkedWebEventDay
{
    public DateOnly Day { get; set; }

    public int Events { get; set; }
}

/// <summary>One web-behaviour event of a person who consented to it (<see cref="Catalog.Purposes.WebAnalytics"/>); appended only.</summary>
public sealed class WebEvent : SubjectRecord
{
    public DateTime OccurredAt { get; set; }

    public WebEventKind Kind { get; set; }

    public string Path { get; set; } = "";

    /// <summary>The website's pseudonymous session id, not a cookie value that would identify the browser elsewhere.</summary>
    public string? SessionId { get; set; }

    public string? Referrer { get; set; }
}
