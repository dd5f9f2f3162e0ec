using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Requests;

public sealed record RequestSummary(
    Guid Id, RequestType Type, RequestChannel Channel, RequestState State, DateTime ReceivedAt, DateOnly DueDate, bool Overdue,
    int DaysLeft, bool Extended, Guid? SubjectId, Guid? AssignedTo, Guid? DuplicateOf);

public sealed record IdentityVerification(IdentityMethod Method, string? Note, DateTime At, Guid? By);

public sealed record Extension(DateTime At, Guid? By, string? Reason, string? Letter, string? ToldVia);

public sealed record RequestActionResponse(DateTime At, string ActorKind, Guid? ActorId, string Action, string? Note);

public sealed record RequestResponse(
    Guid Id, RequestType Type, RequestChannel Channel, DataSource Source, RequestState State, DateTime ReceivedAt, string Language,
    string? RequesterName, string? RequesterEmail, string? RequesterPhone, string? RequesterAddress, string? Text,
    Guid? SubjectId, DateTime? MatchedAt, Guid? AssignedTo, Guid? DuplicateOf, DateTime? EmailConfirmedAt,
    IdentityVerification? Identity, DateOnly OriginalDueDate, DateOnly DueDate, bool Overdue, int DaysLeft, Extension? Extension,
    DateTime? ClosedAt, string? Resolution, string? ResponseLetter, long Version,
    IReadOnlyList<RequestActionResponse>? Actions = null, IReadOnlyList<Guid>? Candidates = null,
    IReadOnlyList<RectificationResponse>? Rectifications = null, IReadOnlyList<NotifyRecipient>? Notify = null);

/// <summary>A request as the API and the subject page show it, mapped by hand; overdue and days left as of Helsinki today.</summary>
public static class RequestResponses
{
    public static RequestSummary ToSummary(this DataSubjectRequest r, DateOnly today) => new(
        r.Id, r.Type, r.Channel, r.State, r.ReceivedAt, r.DueDate, RequestRules.IsOpen(r.State) && today > r.DueDate,
        r.DueDate.DayNumber - today.DayNumber, r.ExtendedAt is not null, r.SubjectId, r.AssignedTo, r.DuplicateOfId);

    public static RequestResponse ToResponse(this DataSubjectRequest r, DateOnly today) => new(
        r.Id, r.Type, r.Channel, r.Source, r.State, r.ReceivedAt, r.Language, r.RequesterName, r.RequesterEmail, r.RequesterPhone,
        r.RequesterAddress, r.Text, r.SubjectId, r.MatchedAt, r.AssignedTo, r.DuplicateOfId, r.EmailConfirmedAt,
        r.IdentityMethod is { } m ? new IdentityVerification(m, r.IdentityNote, r.IdentityVerifiedAt!.Value, r.IdentityVerifiedBy) : null,
        r.OriginalDueDate, r.DueDate, RequestRules.IsOpen(r.State) && today > r.DueDate, r.DueDate.DayNumber - today.DayNumber,
        r.ExtendedAt is { } at ? new Extension(at, r.ExtendedBy, r.ExtensionReason!, r.ExtensionLetter!, r.ExtensionToldVia) : null,
        r.ClosedAt, r.Resolution, r.ResponseLetter, r.Version);

    /// <summary>The answer of every step on a request, whichever feature takes it: the request as it now is, or the failure.</summary>
    public static Results<Ok<RequestResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> ToResponse(
        this Outcome<DataSubjectRequest> outcome, TimeProvider clock) =>
        outcome.ToOk(r => r.ToResponse(HelsinkiTime.Today(clock)));

    /// <summary>
    /// The request without the requester's personal details: name, email, phone, address, their text, the letters to
    /// them, the identity-check note, the changed values of a rectification and the action notes are left out (null),
    /// not masked; type, channel, state, dates, the person's subject key and the resolution stay.
    /// </summary>
    public static RequestResponse WithoutRequester(this RequestResponse r) => r with
    {
        RequesterName = null,
        RequesterEmail = null,
        RequesterPhone = null,
        RequesterAddress = null,
        Text = null,
        ResponseLetter = null,
        Resolution = null,
        Identity = r.Identity is { } i ? i with { Note = null } : null,
        Extension = r.Extension is { } e ? e with { Reason = null, Letter = null, ToldVia = null } : null,
        Actions = r.Actions?.Select(a => a with { Note = null }).ToList(),
        Candidates = null,
        Rectifications = null,
        Notify = null,
    };
}
