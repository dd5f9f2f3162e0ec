using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;

namespace CustomerRegister.Customers;

public enum RelationshipStatus
{
    Active = 1,
    Suspended = 2,
    Ended = 3,
}

public enum ContractStatus
{
    Active = 1,
    Suspended = 2,
    Ended = 3,
}

public enum ServiceStatus
{
    Active = 1,
    Suspended = 2,
    Cancelled = 3,
}

public enum ServiceEventKind
{
    Suspended = 1,
    Resumed = 2,
    Cancelled = 3,
}

/// <summary>Who told us about a suspension or cancellation.</summary>
public enum ReportedBy
{
    Customer = 1,
    ContactPerson = 2,
    Staff = 3,
}

public enum ContactChannel
{
    Phone = 1,
    Email = 2,
    Visit = 3,
    Letter = 4,
    Chat = 5,
    WebForm = 6,
}

public enum ContactDirection
{
    Inbound = 1,
    Outbound = 2,
}

/// <summary>
/// A customer relationship (notice § 6: customer number) of a consumer or an organisation. Like
/// <see cref="Organisation"/> it is not a <see cref="SubjectRecord"/>: a company's relationship is nobody's personal
/// data, so <see cref="SubjectId"/> is set only for a consumer or a sole trader. Its <see cref="EndDate"/> is the end
/// of cooperation, from which the customer-profile retention counts.
/// </summary>
public sealed class CustomerRelationship : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The consumer's or sole trader's subject; null for an organisation that is not a sole trader.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>Set when the customer is an organisation (sole trader or not).</summary>
    public Guid? OrganisationId { get; set; }

    public string CustomerNumber { get; set; } = "";

    public DateOnly StartDate { get; set; }

    /// <summary>The end of cooperation; set exactly when the status is Ended.</summary>
    public DateOnly? EndDate { get; set; }

    public RelationshipStatus Status { get; set; }

    public DataSource Source { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A contract under a customer relationship (notice § 6: contract number).</summary>
public sealed class Contract : IVersioned
{
    public Guid Id { get; set; }

    public Guid RelationshipId { get; set; }

    public string ContractNumber { get; set; } = "";

    /// <summary>Title or service area, e.g. "Jätehuolto, Tampereen toimipiste".</summary>
    public string Title { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ContractStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A service the customer ordered. Its status changes only by <see cref="ServiceEvent"/>s, which keep the history.</summary>
public sealed class OrderedService : IVersioned
{
    public Guid Id { get; set; }

    public Guid RelationshipId { get; set; }

    public Guid? ContractId { get; set; }

    public string ServiceName { get; set; } = "";

    public DateOnly OrderedDate { get; set; }

    public ServiceStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A suspension, resumption or cancellation of an ordered service, and who reported it. Append-only.</summary>
public sealed class ServiceEvent
{
    public Guid Id { get; set; }

    public Guid ServiceId { get; set; }

    public ServiceEventKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public string? Reason { get; set; }

    public ReportedBy ReportedBy { get; set; }

    /// <summary>The organisation's contact person who reported it, when <see cref="ReportedBy"/> is ContactPerson.</summary>
    public Guid? ContactPersonId { get; set; }

    /// <summary>The staff member who recorded the event.</summary>
    public Guid? RecordedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>One contact with the person (notice § 6: contact history).</summary>
public sealed class ContactHistoryEntry : SubjectRecord, IVersioned
{
    public ContactChannel Channel { get; set; }

    public ContactDirection Direction { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>The staff member who had the contact: a user id, personal data of the staff member, not of the subject.</summary>
    public Guid? StaffUserId { get; set; }
}

/// <summary>Feedback the person gave (notice § 6: customer feedback).</summary>
public sealed class Feedback : SubjectRecord, IVersioned
{
    public DateTime ReceivedAt { get; set; }

    public ContactChannel Channel { get; set; }

    public string Text { get; set; } = "";

    /// <summary>1 to 5, when the person gave one.</summary>
    public int? Rating { get; set; }

    public bool Handled { get; set; }
}

/// <summary>
/// Information the person gave or that was collected with their consent (notice § 6), with the consent it rests on.
/// Withdrawing the consent deletes the item: consent is its only basis.
/// </summary>
public sealed class AdditionalInfo : SubjectRecord, IVersioned
{
    public string Text { get; set; } = "";

    /// <summary>The consent wording the person agreed to.</summary>
    public string ConsentText { get; set; } = "";

    public string? ConsentVersion { get; set; }

    public DateTime ConsentedAt { get; set; }

    /// <summary>The privacy notice version in force when the person consented (<c>/tietosuoja/versiot/{n}</c>).</summary>
    public int? NoticeVersion { get; set; }
}
