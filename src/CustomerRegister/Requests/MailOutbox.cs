using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerRegister.Requests;

/// <summary>
/// A message waiting for delivery, or one that finally failed. Delivered messages are deleted at once; the copy a request
/// needs as evidence is the request's own letter (<c>response_letter</c>, <c>extension_letter</c>). A row belongs to its
/// request and is deleted with it.
/// </summary>
public sealed class OutgoingMail : IKeyedRow
{
    public Guid Id { get; set; }

    public Guid? RequestId { get; set; }

    /// <summary>What the letter is: confirmation, response_letter, extension_letter, deadline_warning.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The whole MIME message (recipient, subject, body).</summary>
    public byte[] Message { get; set; } = [];

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The type of the last delivery error (e.g. <c>SmtpCommandException</c>), never its message.</summary>
    public string? LastError { get; set; }

    public DateTime? FailedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("outgoing_mail").RetainedFrom(nameof(OutgoingMail.CreatedAt));
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever().IsNotPersonal("row id");
        b.Property(m => m.RequestId).IsNotPersonal("the request the letter belongs to");
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.RequestId);
        b.Property(m => m.Kind).HasMaxLength(40).IsNotPersonal("kind of letter");
        b.Property(m => m.Message).IsPersonal(Categories.RightsRequest);
        b.Property(m => m.Attempts).IsNotPersonal("delivery attempts");
        b.Property(m => m.NextAttemptAt).IsNotPersonal("delivery schedule");
        b.HasIndex(m => new { m.FailedAt, m.NextAttemptAt });
        b.Property(m => m.LastError).HasMaxLength(100).IsNotPersonal("error type name");
        b.Property(m => m.FailedAt).IsNotPersonal("delivery outcome time");
        b.Property(m => m.CreatedAt).IsNotPersonal("record time");
    }
}

/// <summary>Where messages a feature put into the outbox stand (a delivered message is gone from it).</summary>
public static class OutboxStates
{
    /// <summary>Of <paramref name="ids"/>, those still being delivered: in the outbox and not finally failed.</summary>
    public static async Task<HashSet<Guid>> SendingAsync(RegisterDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var sending = new HashSet<Guid>();
        foreach (var part in ids.Chunk(500))
        {
            sending.UnionWith(await db.Set<OutgoingMail>().AsNoTracking().Where(m => part.Contains(m.Id) && m.FailedAt == null)
                .Select(m => m.Id).ToListAsync(ct));
        }

        return sending;
    }
}

/// <summary>Puts a message into the outbox (its own transaction) and wakes <see cref="MailDelivery"/>.</summary>
public sealed class MailOutbox(RegisterDbContext db, TimeProvider clock, IOptions<MailOptions> options, MailDelivery delivery) : IMailSender
{
    public async Task SendAsync(MimeMessage message, Guid? requestId, string kind, CancellationToken ct = default)
    {
        Add(message, requestId, kind);
        await db.SaveChangesAsync(ct);
        delivery.Signal();
    }

    public Guid Enqueue(MimeMessage message, Guid? requestId, string kind)
    {
        var id = Add(message, requestId, kind);
        db.SavedChanges += Saved;
        return id;

        void Saved(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= Saved;
            delivery.Signal();
        }
    }

    private Guid Add(MimeMessage message, Guid? requestId, string kind)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(options.Value.From));
        }

        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        db.Add(new OutgoingMail
        {
            Id = id,
            RequestId = requestId,
            Kind = kind,
            Message = buffer.ToArray(),
            NextAttemptAt = now,
            CreatedAt = now,
        });
        return id;
    }
}

/// <summary>
/// Delivers the outbox: every message that is due, through <see cref="IMailTransport"/>; a delivered message is deleted,
/// a failed attempt waits <see cref="MailOptions.Backoff"/> (doubling) and after <c>Mail:MaxAttempts</c> the letter is
/// marked failed, logged on its request (<c>mail_failed</c>) and listed for the DPO (<c>GET /api/mail/failed</c>).
/// Woken by each new message and when the next retry is due; <see cref="RunOnceAsync"/> is one step.
/// </summary>
public sealed class MailDelivery(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDelivery> log)
    : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>How long a message is claimed while one instance delivers it.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Delivers what is due now; returns when the next retry is due (null when nothing waits).</summary>
    public async Task<DateTime?> RunOnceAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var observers = scope.ServiceProvider.GetServices<IMailDelivered>().ToList();
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var due = await db.Set<OutgoingMail>().Where(m => m.FailedAt == null && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
                foreach (var mail in due)
                {
                    await DeliverAsync(db, audit, observers, mail, now, ct);
                }

                if (due.Count < BatchSize)
                {
                    break;
                }
            }

            return await db.Set<OutgoingMail>().Where(m => m.FailedAt == null).Select(m => (DateTime?)m.NextAttemptAt).MinAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeliverAsync(
        RegisterDbContext db, AuditLog audit, IReadOnlyList<IMailDelivered> observers, OutgoingMail mail, DateTime now, CancellationToken ct)
    {
        // Another instance may be delivering the same message: only the one that moves its time on sends it.
        var claimed = await db.Set<OutgoingMail>().Where(m => m.Id == mail.Id && m.NextAttemptAt == mail.NextAttemptAt && m.FailedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, now + Claim), ct);
        if (claimed == 0)
        {
            db.Entry(mail).State = EntityState.Detached;
            return;
        }

        try
        {
            await transport.DeliverAsync(MimeMessage.Load(new MemoryStream(mail.Message)), ct);
            foreach (var observer in observers.Where(o => o.Kinds.Contains(mail.Kind)))
            {
                await observer.DeliveredAsync(db, mail.Id, now, ct);
            }

            db.Remove(mail);
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            mail.Attempts++;
            mail.LastError = e.GetType().Name;
            var settings = options.Value;
            if (mail.Attempts >= settings.MaxAttempts)
            {
                mail.FailedAt = now;
                log.LogWarning("Mail {MailId} ({Kind}) of request {RequestId} failed after {Attempts} attempts: {Error}",
                    mail.Id, mail.Kind, mail.RequestId, mail.Attempts, mail.LastError);
                if (mail.RequestId is { } requestId)
                {
                    db.Add(new RequestAction
                    {
                        Id = Guid.CreateVersion7(),
                        RequestId = requestId,
                        At = now,
                        ActorKind = AuditLog.ActorSystem,
                        Action = "mail_failed",
                        Note = mail.Kind,
                    });
                }

                audit.Add(new AuditEntry("mail.failed", Purposes.DataSubjectRights, EntityType: RequestSteps.EntityType,
                    EntityId: mail.RequestId?.ToString(), Outcome: "failed"));
            }
            else
            {
                mail.NextAttemptAt = now + settings.Backoff(mail.Attempts);
                log.LogInformation("Mail {MailId} attempt {Attempts} failed ({Error}); next at {Next:o}", mail.Id, mail.Attempts, mail.LastError,
                    mail.NextAttemptAt);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromMinutes(1);
            try
            {
                if (await RunOnceAsync(stoppingToken) is { } next)
                {
                    wait = next - clock.GetUtcNow().UtcDateTime;
                }
                else
                {
                    wait = TimeSpan.FromHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Mail delivery failed; trying again in a minute");
            }

            wait = wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait;
            using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var signal = _signal.WaitAsync(woken.Token);
            var timer = wait > TimeSpan.Zero ? Task.Delay(wait, clock, woken.Token) : Task.CompletedTask;
            await Task.WhenAny(signal, timer);
            await woken.CancelAsync();
            try
            {
                await Task.WhenAll(signal, timer);
            }
            catch (OperationCanceledException)
            {
                // The other of the two was cancelled.
            }
        }
    }
}
