using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Requests;

public enum RequestType
{
    Access = 1,
    Rectification = 2,
    Erasure = 3,
    Restriction = 4,
    ObjectionToMarketing = 5,
    ObjectionToProfiling = 6,
    Portability = 7,
}

public enum RequestChannel
{
    CustomerServiceMailbox = 1,
    WebForm = 2,
    Phone = 3,
    Letter = 4,
    Visit = 5,
    Staff = 6,
}

public enum RequestState
{
    Received = 1,
    EmailConfirmed = 2,
    Matched = 3,
    IdentityVerified = 4,
    InProgress = 5,
    Completed = 6,
    Refused = 7,
    Withdrawn = 8,

    /// <summary>Closed because an earlier request of the same type for the same person covers it (see DuplicateOfId).</summary>
    Duplicate = 9,
}

public enum IdentityMethod
{
    StrongElectronicIdentification = 1,
    IdDocumentSeenAtOffice = 2,
    AnsweredFromRegisteredEmail = 3,
    AnsweredFromRegisteredPhone = 4,
    Other = 5,
}

/// <summary>
/// A data-subject request (GDPR Art 12–22): who asked what, through which channel and when, the person it was
/// matched to (by staff, never automatically for erasure), how their identity was verified, the statutory
/// deadline and its one extension, and how it ended. Each step is recorded in <see cref="RequestAction"/>s.
/// Not a <see cref="SubjectRecord"/>: until a handler matches it the request belongs to nobody in the register.
/// </summary>
public sealed class DataSubjectRequest : IVersioned
{
    public Guid Id { get; set; }

    public Guid? SubjectId { get; set; }

    public RequestType Type { get; set; }

    public RequestChannel Channel { get; set; }

    public DataSource Source { get; set; }

    public RequestState State { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>fi, sv or en: the language of every letter to the requester.</summary>
    public string Language { get; set; } = "fi";

    public string RequesterName { get; set; } = "";

    public string? RequesterEmail { get; set; }

    public string? RequesterPhone { get; set; }

    public string? RequesterAddress { get; set; }

    public string? Text { get; set; }

    public Guid? AssignedTo { get; set; }

    public Guid? DuplicateOfId { get; set; }

    public DateTime? MatchedAt { get; set; }

    public Guid? MatchedBy { get; set; }

    /// <summary>SHA-256 of the web form's confirmation token; cleared once used. The token itself is never stored.</summary>
    public byte[]? EmailTokenHash { get; set; }

    public DateTime? EmailConfirmedAt { get; set; }

    /// <summary>SHA-256 of the Message-ID of the mail the request was taken in from, so a message is never taken in twice.</summary>
    public byte[]? MailMessageHash { get; set; }

    public IdentityMethod? IdentityMethod { get; set; }

    public string? IdentityNote { get; set; }

    public DateTime? IdentityVerifiedAt { get; set; }

    public Guid? IdentityVerifiedBy { get; set; }

    public DateOnly OriginalDueDate { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTime? ExtendedAt { get; set; }

    public Guid? ExtendedBy { get; set; }

    public string? ExtensionReason { get; set; }

    public string? ExtensionLetter { get; set; }

    /// <summary>How the requester was told of the extension (email, letter, phone …).</summary>
    public string? ExtensionToldVia { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    /// <summary>The reason for a refusal, or the handler's closing note.</summary>
    public string? Resolution { get; set; }

    /// <summary>The answer sent to the requester on refusal (it states the right to complain).</summary>
    public string? ResponseLetter { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One step of a request's handling. The note holds only what the handler wrote.</summary>
public sealed class RequestAction
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public DateTime At { get; set; }

    public string ActorKind { get; set; } = "";

    public Guid? ActorId { get; set; }

    public string Action { get; set; } = "";

    public string? Note { get; set; }
}

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> b)
    {
        var c = Categories.RightsRequest;
        b.ToTable("data_subject_requests").RetainedFrom(nameof(DataSubjectRequest.ClosedAt));
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(r => r.SubjectId).IsNotPersonal("the subject key, once a handler matched the request");
        b.HasIndex(r => r.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(32).IsNotPersonal("kind of request");
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(32).IsNotPersonal("how the request arrived");
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(32).IsNotPersonal("where the item came from (notice § 7)");
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(20).IsNotPersonal("workflow state");
        b.HasIndex(r => new { r.State, r.DueDate });
        b.Property(r => r.ReceivedAt).IsPersonal(c);
        b.Property(r => r.Language).HasMaxLength(2).IsNotPersonal("letter language");
        b.Property(r => r.RequesterName).HasMaxLength(200).IsPersonal(c);
        b.Property(r => r.RequesterEmail).HasMaxLength(254).IsPersonal(c);
        b.Property(r => r.RequesterPhone).HasMaxLength(40).IsPersonal(c);
        b.Property(r => r.RequesterAddress).HasMaxLength(300).IsPersonal(c);
        b.Property(r => r.Text).HasMaxLength(4000).IsPersonal(c);
        b.Property(r => r.AssignedTo).IsNotPersonal("staff user handling the request");
        b.Property(r => r.DuplicateOfId).IsNotPersonal("link to the earlier request");
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(r => r.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.MatchedAt).IsNotPersonal("workflow time");
        b.Property(r => r.MatchedBy).IsNotPersonal("staff user");
        b.Property(r => r.EmailTokenHash).HasMaxLength(32).IsNotPersonal("hash of a random one-time token");
        b.HasIndex(r => r.EmailTokenHash);
        b.Property(r => r.EmailConfirmedAt).IsNotPersonal("workflow time");
        b.Property(r => r.MailMessageHash).HasMaxLength(32).IsNotPersonal("hash of the mail's Message-ID, only to take a message in once");
        b.HasIndex(r => r.MailMessageHash).IsUnique();
        b.Property(r => r.IdentityMethod).HasConversion<string>().HasMaxLength(40).IsPersonal(c);
        b.Property(r => r.IdentityNote).HasMaxLength(500).IsPersonal(c);
        b.Property(r => r.IdentityVerifiedAt).IsNotPersonal("workflow time");
        b.Property(r => r.IdentityVerifiedBy).IsNotPersonal("staff user");
        b.Property(r => r.OriginalDueDate).IsNotPersonal("statutory deadline");
        b.Property(r => r.DueDate).IsNotPersonal("statutory deadline");
        b.Property(r => r.ExtendedAt).IsNotPersonal("workflow time");
        b.Property(r => r.ExtendedBy).IsNotPersonal("staff user");
        b.Property(r => r.ExtensionReason).HasMaxLength(1000).IsPersonal(c);
        b.Property(r => r.ExtensionLetter).HasMaxLength(4000).IsPersonal(c);
        b.Property(r => r.ExtensionToldVia).HasMaxLength(40).IsNotPersonal("channel name");
        b.Property(r => r.ClosedAt).IsNotPersonal("workflow time");
        b.Property(r => r.ClosedBy).IsNotPersonal("staff user");
        b.Property(r => r.Resolution).HasMaxLength(2000).IsPersonal(c);
        b.Property(r => r.ResponseLetter).HasMaxLength(6000).IsPersonal(c);
        b.Property(r => r.CreatedAt).IsNotPersonal("record time");
        b.Property(r => r.UpdatedAt).IsNotPersonal("record time");
        b.Property(r => r.Version).IsConcurrencyToken().IsNotPersonal("optimistic concurrency");
    }
}

internal sealed class RequestActionConfiguration : IEntityTypeConfiguration<RequestAction>
{
    public void Configure(EntityTypeBuilder<RequestAction> b)
    {
        b.ToTable("request_actions").RetainedFrom(nameof(RequestAction.At));
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(a => a.RequestId).IsNotPersonal("the request");
        b.HasIndex(a => new { a.RequestId, a.At });
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.At).IsNotPersonal("workflow time");
        b.Property(a => a.ActorKind).HasMaxLength(10).IsNotPersonal("user, client or system");
        b.Property(a => a.ActorId).IsNotPersonal("staff user or client");
        b.Property(a => a.Action).HasMaxLength(40).IsNotPersonal("workflow step");
        b.Property(a => a.Note).HasMaxLength(1000).IsPersonal(Categories.RightsRequest);
    }
}
