using CustomerRegister.Catalog;

namespace CustomerRegister.Customers;

/// <summary>The customer is a consumer (<c>subjectId</c>) or an organisation (<c>organisationId</c>), exactly one.</summary>
public sealed record RelationshipRequest(
    Guid? SubjectId, Guid? OrganisationId, string? CustomerNumber, DateOnly? StartDate, DateOnly? EndDate,
    RelationshipStatus? Status, DataSource? Source, long? Version);

public sealed record EndRelationshipRequest(DateOnly? EndDate, long? Version);

public sealed record RelationshipResponse(
    Guid Id, Guid? SubjectId, Guid? OrganisationId, string CustomerNumber, DateOnly StartDate, DateOnly? EndDate,
    RelationshipStatus Status, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record ContractRequest(
    string? ContractNumber, string? Title, DateOnly? StartDate, DateOnly? EndDate, ContractStatus? Status, long? Version);

public sealed record ContractResponse(
    Guid Id, Guid RelationshipId, string ContractNumber, string Title, DateOnly StartDate, DateOnly? EndDate,
    ContractStatus Status, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>Name, date and contract of an ordered service; its status changes only through events.</summary>
public sealed record ServiceRequest(string? ServiceName, DateOnly? OrderedDate, Guid? ContractId, long? Version);

public sealed record ServiceEventRequest(
    ServiceEventKind? Kind, DateOnly? Date, string? Reason, ReportedBy? ReportedBy, Guid? ContactPersonId, long? Version);

public sealed record ServiceEventResponse(
    Guid Id, ServiceEventKind Kind, DateOnly Date, string? Reason, ReportedBy ReportedBy, Guid? ContactPersonId,
    Guid? RecordedByUserId, DateTime CreatedAt);

public sealed record ServiceResponse(
    Guid Id, Guid RelationshipId, Guid? ContractId, string ServiceName, DateOnly OrderedDate, ServiceStatus Status,
    IReadOnlyList<ServiceEventResponse> Events, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record ContactHistoryRequest(
    ContactChannel? Channel, ContactDirection? Direction, DateTime? OccurredAt, string? Summary, Guid? StaffUserId,
    DataSource? Source, long? Version);

public sealed record ContactHistoryResponse(
    Guid Id, Guid SubjectId, ContactChannel Channel, ContactDirection Direction, DateTime OccurredAt, string Summary,
    Guid? StaffUserId, DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record FeedbackRequest(
    DateTime? ReceivedAt, ContactChannel? Channel, string? Text, int? Rating, bool? Handled, DataSource? Source, long? Version);

public sealed record FeedbackResponse(
    Guid Id, Guid SubjectId, DateTime ReceivedAt, ContactChannel Channel, string Text, int? Rating, bool Handled,
    DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version);

public sealed record AdditionalInfoRequest(
    string? Text, string? ConsentText, string? ConsentVersion, DateTime? ConsentedAt, DataSource? Source, long? Version);

public sealed record AdditionalInfoResponse(
    Guid Id, Guid SubjectId, string Text, string ConsentText, string? ConsentVersion, DateTime ConsentedAt,
    DataSource Source, DateTime CreatedAt, DateTime UpdatedAt, long Version, int? NoticeVersion = null);

public sealed record WithdrawConsentRequest(long? Version);

/// <summary>A relationship with its contracts and services, as the subject picture shows it.</summary>
public sealed record RelationshipDetail(
    RelationshipResponse Relationship, IReadOnlyList<ContractResponse> Contracts, IReadOnlyList<ServiceResponse> Services);

public static class RelationshipMapping
{
    public static RelationshipResponse ToResponse(this CustomerRelationship r) => new(
        r.Id, r.SubjectId, r.OrganisationId, r.CustomerNumber, r.StartDate, r.EndDate, r.Status, r.Source,
        r.CreatedAt, r.UpdatedAt, r.Version);

    public static ContractResponse ToResponse(this Contract c) => new(
        c.Id, c.RelationshipId, c.ContractNumber, c.Title, c.StartDate, c.EndDate, c.Status, c.CreatedAt, c.UpdatedAt, c.Version);

    public static ServiceEventResponse ToResponse(this ServiceEvent e) => new(
        e.Id, e.Kind, e.Date, e.Reason, e.ReportedBy, e.ContactPersonId, e.RecordedByUserId, e.CreatedAt);

    public static ServiceResponse ToResponse(this OrderedService s, IEnumerable<ServiceEvent> events) => new(
        s.Id, s.RelationshipId, s.ContractId, s.ServiceName, s.OrderedDate, s.Status,
        events.Where(e => e.ServiceId == s.Id).OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => e.ToResponse()).ToList(),
        s.CreatedAt, s.UpdatedAt, s.Version);

    public static ContactHistoryResponse ToResponse(this ContactHistoryEntry e) => new(
        e.Id, e.SubjectId, e.Channel, e.Direction, e.OccurredAt, e.Summary, e.StaffUserId, e.Source, e.CreatedAt, e.UpdatedAt, e.Version);

    public static FeedbackResponse ToResponse(this Feedback f) => new(
        f.Id, f.SubjectId, f.ReceivedAt, f.Channel, f.Text, f.Rating, f.Handled, f.Source, f.CreatedAt, f.UpdatedAt, f.Version);

    public static AdditionalInfoResponse ToResponse(this AdditionalInfo a) => new(
        a.Id, a.SubjectId, a.Text, a.ConsentText, a.ConsentVersion, a.ConsentedAt, a.Source, a.CreatedAt, a.UpdatedAt, a.Version, a.NoticeVersion);
}
