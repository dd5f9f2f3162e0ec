using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Disclosures;

/// <summary>What a recipient must be told of (Art 19).</summary>
public enum NotificationSubject
{
    Rectification = 1,
    Erasure = 2,
    RestrictionSet = 3,
    RestrictionLifted = 4,
}

/// <summary>
/// One recipient to be told (Art 19) of one rectification, erasure or restriction of a person: whom, what, which
/// categories (keys only), and when and by whom it was told. Ids and keys only, like the disclosure log, so it outlives
/// an erasure of the person.
/// </summary>
public sealed class RecipientNotification : IKeyedRow
{
    public Guid Id { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>The request that caused it; null for a lift made outside a request.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>The recipient in the registry, when the name is one of its rows.</summary>
    public Guid? RecipientId { get; set; }

    public string RecipientName { get; set; } = "";

    public NotificationSubject What { get; set; }

    /// <summary>The categories concerned, space-separated <see cref="DataCategory.Id"/>s; empty when not known.</summary>
    public string CategoryKeys { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When the recipient was told; null while it is still to be told.</summary>
    public DateTime? NotifiedAt { get; set; }

    public Guid? NotifiedBy { get; set; }

    public string? Note { get; set; }

    /// <summary>The notice sent by email (the outbox's row while it waits; gone once delivered, when <see cref="NotifiedAt"/> is set).</summary>
    public Guid? MailId { get; set; }

    /// <summary>The recipient's notice address the email went to (a company's data-protection contact).</summary>
    public string? MailedTo { get; set; }

    /// <summary>When the email reached the recipient's mail server.</summary>
    public DateTime? MailDeliveredAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> Categories => CategoryKeys.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class RecipientNotificationConfiguration : IEntityTypeConfiguration<RecipientNotification>
{
    public void Configure(EntityTypeBuilder<RecipientNotification> b)
    {
        b.ToTable("recipient_notifications").IsOutsideRegister("Art 19 notifications: ids, recipient names and category keys only, never values");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.RecipientName).HasMaxLength(200);
        b.Property(n => n.What).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.CategoryKeys).HasMaxLength(2000);
        b.Property(n => n.Note).HasMaxLength(1000);
        b.Property(n => n.MailedTo).HasMaxLength(254);
        b.HasIndex(n => n.MailId);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.Ignore(n => n.Categories);
        b.HasIndex(n => new { n.RequestId, n.CreatedAt });
        b.HasIndex(n => new { n.SubjectId, n.CreatedAt });
    }
}

/// <summary>Where a notification's email stands.</summary>
public enum NoticeMail
{
    /// <summary>No email: the recipient has no notice address; told some other way and marked by hand.</summary>
    None,

    /// <summary>In the outbox, being delivered (with retries).</summary>
    Sending,

    /// <summary>Delivered to the recipient's mail server: the notification is told.</summary>
    Delivered,

    /// <summary>Every attempt failed: to be told some other way.</summary>
    Failed,
}

/// <summary>A notification as the API and the request page show it.</summary>
public sealed record RecipientNotificationResponse(
    Guid Id, Guid SubjectId, Guid? RequestId, Guid? RecipientId, string RecipientName, NotificationSubject What,
    IReadOnlyList<string> Categories, DateTime CreatedAt, DateTime? NotifiedAt, Guid? NotifiedBy, string? Note, NoticeMail Mail,
    string? MailedTo)
{
    public static RecipientNotificationResponse Of(RecipientNotification n, NoticeMail mail) => new(
        n.Id, n.SubjectId, n.RequestId, n.RecipientId, n.RecipientName, n.What, n.Categories, n.CreatedAt, n.NotifiedAt, n.NotifiedBy, n.Note,
        mail, n.MailedTo);
}

/// <summary>The body of <c>POST /api/recipient-notifications/{id}/notified</c>.</summary>
public sealed record MarkNotifiedRequest(string? Note);

/// <summary>
/// Art 19: one <see cref="RecipientNotification"/> per recipient from <see cref="Art19Recipients"/>, added to the caller's
/// unit of work (saved with the rectification, erasure or restriction). A registered recipient with a notice address is
/// sent the notice (<see cref="RecipientNoticeLetter"/>) through the outbox in the same save and is told once it is
/// delivered (<see cref="Delivered"/>); the others are marked told by hand.
/// </summary>
public sealed class RecipientNotifications(
    RegisterDbContext db, AuditLog audit, TimeProvider clock, IHttpContextAccessor http, IMailSender mail,
    Microsoft.Extensions.Options.IOptions<ControllerOptions> controller)
{
    public const string EntityType = "recipient_notification";

    /// <summary>The outbox's kind of an Art 19 notice.</summary>
    public const string MailKind = "art19_notice";

    /// <summary>Adds a row per recipient to be told; the caller saves. Returns the rows added.</summary>
    public async Task<List<RecipientNotification>> AddAsync(
        Guid subjectId, Guid? requestId, NotificationSubject what, IEnumerable<string> categoryKeys, string language, CancellationToken ct)
    {
        var recipients = await Art19Recipients.ListAsync(db, subjectId, language, ct);
        var names = recipients.Select(r => r.Recipient).Distinct().ToList();
        var registered = (await db.Set<Recipient>().AsNoTracking().Where(r => names.Contains(r.Name))
                .Select(r => new { r.Id, r.Name, r.NotificationEmail, r.CountryCode }).ToListAsync(ct))
            .GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var keys = Recipient.JoinKeys(categoryKeys);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = names.Select(name => new RecipientNotification
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            RequestId = requestId,
            RecipientId = registered.TryGetValue(name, out var r) ? r.Id : null,
            RecipientName = name.Length > 200 ? name[..200] : name,
            What = what,
            CategoryKeys = keys,
            CreatedAt = now,
        }).ToList();
        db.AddRange(rows);

        var mailed = rows.Where(n => n.RecipientId is not null && registered[n.RecipientName].NotificationEmail is not null).ToList();
        if (mailed.Count > 0)
        {
            var disclosed = await RecipientQueries.DisclosuresOfAsync(db, subjectId, ct);
            var from = RequestLetters.From(controller.Value);
            foreach (var n in mailed)
            {
                var recipient = registered[n.RecipientName];
                var lang = RecipientNoticeLetter.LanguageFor(recipient.CountryCode);
                var (title, body) = RecipientNoticeLetter.Compose(what, subjectId,
                    [.. disclosed.Where(d => d.RecipientId == recipient.Id).Select(d => d.DisclosedAt)], n.Categories, lang, from);
                n.MailedTo = recipient.NotificationEmail;
                n.MailId = mail.Enqueue(MailMessages.Text(recipient.NotificationEmail!, title, body, lang), requestId, MailKind);
            }
        }

        return rows;
    }

    /// <summary>A request's notifications, oldest first, each with where its email stands.</summary>
    public async Task<List<RecipientNotificationResponse>> OfRequestAsync(Guid requestId, CancellationToken ct)
    {
        var rows = await db.Set<RecipientNotification>().AsNoTracking().Where(n => n.RequestId == requestId).ToListAsync(ct);
        var mailIds = rows.Where(n => n.MailId is not null && n.MailDeliveredAt is null).Select(n => n.MailId!.Value).ToList();
        var sending = await OutboxStates.SendingAsync(db, mailIds, ct);
        return [.. rows.OrderBy(n => n.CreatedAt).ThenBy(n => n.RecipientName, StringComparer.Ordinal).ThenBy(n => n.Id)
            .Select(n => RecipientNotificationResponse.Of(n, MailOf(n, sending)))];
    }

    /// <summary>A message neither delivered nor waiting was taken out of the outbox after failing.</summary>
    private static NoticeMail MailOf(RecipientNotification n, HashSet<Guid> sending) =>
        n.MailId is not { } id ? NoticeMail.None
        : n.MailDeliveredAt is not null ? NoticeMail.Delivered
        : sending.Contains(id) ? NoticeMail.Sending
        : NoticeMail.Failed;

    /// <summary>An Art 19 notice delivered: its notification is told, by the system, at the time of delivery.</summary>
    public sealed class Delivered : IMailDelivered
    {
        public IReadOnlyCollection<string> Kinds { get; } = [MailKind];

        public async Task DeliveredAsync(RegisterDbContext db, Guid mailId, DateTime at, CancellationToken ct)
        {
            var row = await db.Set<RecipientNotification>().FirstOrDefaultAsync(n => n.MailId == mailId, ct);
            if (row is not null)
            {
                row.MailDeliveredAt = at;
                row.NotifiedAt ??= at;
                row.Version++;
            }
        }
    }

    /// <summary>Marks one notification told now, by the signed-in user, with an optional note; audited on the person.</summary>
    public async Task<Outcome<RecipientNotificationResponse>> MarkNotifiedAsync(Guid id, string? note, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = errors.Text("note", note, 1000);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var row = await db.Set<RecipientNotification>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (row is null)
        {
            return Outcome.Missing;
        }

        if (row.NotifiedAt is not null)
        {
            return Outcome.Conflict("notifiedAt", AlreadyNotified);
        }

        row.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        row.NotifiedBy = AuditLog.Actor(http.HttpContext?.User).Id;
        row.Note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        row.Version++;
        audit.Add(new AuditEntry("recipient_notification.notified", Purposes.DataSubjectRights, row.SubjectId, EntityType, row.Id.ToString(),
            [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        var sending = await OutboxStates.SendingAsync(db, row.MailId is { } mailId ? [mailId] : [], ct);
        return RecipientNotificationResponse.Of(row, MailOf(row, sending));
    }

    private static readonly LocalText AlreadyNotified = new(
        "Vastaanottajalle on jo ilmoitettu.", "Mottagaren har redan underrättats.", "The recipient has already been told.");
}

/// <summary>The API of the Art 19 notifications.</summary>
public static class RecipientNotificationsEndpoints
{
    public static IEndpointRouteBuilder MapRecipientNotifications(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/recipient-notifications/{id:guid}/notified",
                async (Guid id, MarkNotifiedRequest? body, RecipientNotifications notifications, CancellationToken ct) =>
                    (await notifications.MarkNotifiedAsync(id, body?.Note, ct)).ToOk())
            .WithTags("Requests").RequirePermission(Permissions.RequestHandle)
            .WithName("MarkRecipientNotified")
            .WithSummary("Art 19: the recipient was told of the rectification, erasure or restriction (optional note); 409 when already told.");
        app.MapGet("/api/requests/{id:guid}/recipient-notifications",
                async (Guid id, RecipientNotifications notifications, CancellationToken ct) =>
                    TypedResults.Ok(await notifications.OfRequestAsync(id, ct)))
            .WithTags("Requests").RequirePermission(Permissions.RequestHandle)
            .WithName("ListRecipientNotifications")
            .WithSummary("Art 19: whom of the request's recipients to tell, of what, and who was told when.");
        return app;
    }
}
