using CustomerRegister.Profiling;
using CustomerRegister.Subjects;

namespace CustomerRegister.Marketing.Campaigns;

/// <summary>Which customer relationships a selection asks for.</summary>
public enum RelationshipState
{
    /// <summary>At least one active (or suspended) customer relationship.</summary>
    Active = 1,

    /// <summary>Only ended customer relationships (a former customer).</summary>
    Ended = 2,
}

/// <summary>How far an event invitee must have come to be selected.</summary>
public enum EventParticipation
{
    Invited = 1,
    Registered = 2,
    Attended = 3,
}

/// <summary>
/// What a campaign list selects: the channel and marketing purpose it is for (the ledger decides per person on these),
/// and the selection — every filter optional, all of them must hold. <see cref="Kinds"/> empty means every kind of
/// person; <see cref="ServiceLine"/> is the company's service line being marketed (a soft opt-in covers its own line
/// only, <see cref="MarketingConsentRules.ServiceLines"/>); <see cref="Language"/> is the language the message and its
/// opt-out link are in (fi, sv, en); <see cref="UsedService"/> selects the people who have used a service line
/// (<see cref="CampaignLists.UsedService"/>).
/// </summary>
public sealed record CampaignCriteria(
    MarketingChannel Channel,
    string Purpose,
    IReadOnlyList<SubjectKind> Kinds,
    RelationshipState? Relationship = null,
    string? PostalCodePrefix = null,
    string? Municipality = null,
    string? ServiceLine = null,
    Segment? Segment = null,
    ServiceInterest? Interest = null,
    Guid? EventId = null,
    EventParticipation? Participation = null,
    string Language = "fi",
    string? UsedService = null);
