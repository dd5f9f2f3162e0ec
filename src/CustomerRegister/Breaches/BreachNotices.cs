using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Breaches;

/// <summary>How a breach letter reaches one person.</summary>
public enum LetterChannel
{
    Email = 1,

    /// <summary>No email in the register: printed and posted by the DPO, then marked posted.</summary>
    Post = 2,
}

/// <summary>Where one person's breach letter stands.</summary>
public enum LetterState
{
    NotSent,
    Sending,
    Delivered,

    /// <summary>Every attempt to email it failed: to be posted instead.</summary>
    Failed,
    ToPost,
    Posted,
}

/// <summary>How many letters a send put out: by email, to post, and how many people already had theirs.</summary>
public sealed record LettersSent(int Emailed, int ToPost, int AlreadySent);

/// <summary>How many letters are in each state, for the page and the API.</summary>
public sealed record LetterCounts(int NotSent, int Sending, int Delivered, int Failed, int ToPost, int Posted)
{
    public int Total => NotSent + Sending + Delivered + Failed + ToPost + Posted;
}

/// <summary>
/// Telling the people a breach concerns (Art 34): once the DPO has decided to tell them, the letter
/// (<see cref="BreachLetters"/>) goes by email through the outbox to everyone the breach names who has an email in the
/// register, and is listed to post for the rest; delivery is recorded per person (<see cref="Delivered"/>), a letter
/// that could not be emailed is to be posted, and posting is marked by the DPO. Each person's address read is audited.
/// </summary>
public sealed class BreachNotices(RegisterDbContext db, AuditLog audit, TimeProvider clock, IMailSender mail, IOptions<ControllerOptions> controller)
{
    /// <summary>The outbox's kind of a breach letter.</summary>
    public const string MailKind = "breach_letter";

    private const int Batch = 500;

    private static readonly LocalText DecideFirst = new(
        "Päätä ensin, että henkilöille ilmoitetaan.", "Besluta först att personerna ska informeras.", "First decide to tell the people.");

    private static readonly LocalText NobodyToTell = new(
        "Loukkaus ei nimeä vielä ketään – hae kohteena olleet henkilöt ensin.", "Incidenten namnger ännu ingen – hämta de berörda först.",
        "The breach names nobody yet – find the people affected first.");

    /// <summary>Sends the letter to everyone the breach names who has not had it yet; 409 until the decision is to tell them.</summary>
    public async Task<Outcome<LettersSent>> SendAsync(Guid id, CancellationToken ct)
    {
        var breach = await db.Set<Breach>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return Outcome.Missing;
        }

        if (breach.People != PeopleDecision.Notify)
        {
            return Outcome.Conflict("decision", DecideFirst, "not-decided");
        }

        var already = await db.Set<BreachSubject>().CountAsync(s => s.BreachId == id && s.LetterChannel != null, ct);
        var (subject, body) = BreachLetters.Letter(breach, Languages.Default, RequestLetters.From(controller.Value));
        int emailed = 0, toPost = 0;
        while (true)
        {
            var batch = await db.Set<BreachSubject>().Where(s => s.BreachId == id && s.LetterChannel == null)
                .OrderBy(s => s.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var emails = await EmailsAsync([.. batch.Select(s => s.SubjectId)], ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var s in batch)
            {
                s.LetterQueuedAt = now;
                if (emails.TryGetValue(s.SubjectId, out var to))
                {
                    s.LetterChannel = LetterChannel.Email;
                    s.LetterMailId = mail.Enqueue(MailMessages.Text(to, subject, body, Languages.Default), null, MailKind);
                    emailed++;
                }
                else
                {
                    s.LetterChannel = LetterChannel.Post;
                    toPost++;
                }

                audit.Add(new AuditEntry("breach.letter", Purposes.LegalObligation, s.SubjectId, "breach", id.ToString(),
                    [Categories.Email.Id]));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        if (emailed + toPost == 0 && already == 0)
        {
            return Outcome.Conflict("subjects", NobodyToTell, "nobody");
        }

        return new LettersSent(emailed, toPost, already);
    }

    /// <summary>The letters to post (and those whose email failed) marked posted now; returns how many.</summary>
    public async Task<Outcome<int>> MarkPostedAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<Breach>().AnyAsync(b => b.Id == id, ct))
        {
            return Outcome.Missing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var states = await StatesAsync(id, ct);
        var due = states.Where(s => s.Value is LetterState.ToPost or LetterState.Failed).Select(s => s.Key).ToList();
        foreach (var part in due.Chunk(Batch))
        {
            await db.Set<BreachSubject>().Where(s => part.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LetterChannel, LetterChannel.Post).SetProperty(s => s.LetterSentAt, now), ct);
        }

        audit.Add(new AuditEntry("breach.letters_posted", Purposes.LegalObligation, EntityType: "breach", EntityId: id.ToString()));
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Each named person's letter state, by the <see cref="BreachSubject"/> row.</summary>
    public async Task<Dictionary<Guid, LetterState>> StatesAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.Set<BreachSubject>().AsNoTracking().Where(s => s.BreachId == id)
            .Select(s => new { s.Id, s.LetterChannel, s.LetterMailId, s.LetterSentAt }).ToListAsync(ct);
        var mailIds = rows.Where(r => r.LetterMailId != null && r.LetterSentAt == null).Select(r => r.LetterMailId!.Value).ToList();
        var sending = await OutboxStates.SendingAsync(db, mailIds, ct);

        return rows.ToDictionary(r => r.Id, r => r.LetterChannel switch
        {
            null => LetterState.NotSent,
            LetterChannel.Post => r.LetterSentAt is null ? LetterState.ToPost : LetterState.Posted,
            _ when r.LetterSentAt is not null => LetterState.Delivered,
            _ => sending.Contains(r.LetterMailId!.Value) ? LetterState.Sending : LetterState.Failed,
        });
    }

    public async Task<Outcome<LetterCounts>> CountAsync(Guid id, CancellationToken ct) =>
        await db.Set<Breach>().AnyAsync(b => b.Id == id, ct) ? Count((await StatesAsync(id, ct)).Values) : Outcome.Missing;

    public static LetterCounts Count(IEnumerable<LetterState> states)
    {
        var list = states.ToList();
        int Of(LetterState s) => list.Count(x => x == s);
        return new LetterCounts(Of(LetterState.NotSent), Of(LetterState.Sending), Of(LetterState.Delivered), Of(LetterState.Failed),
            Of(LetterState.ToPost), Of(LetterState.Posted));
    }

    /// <summary>The email of each person who has one: a consumer's, else a contact person's.</summary>
    private async Task<Dictionary<Guid, string>> EmailsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var emails = await db.Set<Consumer>().AsNoTracking().Where(c => ids.Contains(c.SubjectId) && c.Email != null)
            .Select(c => new { c.SubjectId, c.Email }).ToDictionaryAsync(c => c.SubjectId, c => c.Email!, ct);
        foreach (var c in await db.Set<ContactPerson>().AsNoTracking().Where(c => ids.Contains(c.SubjectId) && c.Email != null)
                     .Select(c => new { c.SubjectId, c.Email }).ToListAsync(ct))
        {
            emails.TryAdd(c.SubjectId, c.Email!);
        }

        return emails;
    }

    /// <summary>A breach letter delivered: the person's letter is sent, at the time of delivery.</summary>
    public sealed class Delivered : IMailDelivered
    {
        public IReadOnlyCollection<string> Kinds { get; } = [MailKind];

        public async Task DeliveredAsync(RegisterDbContext db, Guid mailId, DateTime at, CancellationToken ct)
        {
            var row = await db.Set<BreachSubject>().FirstOrDefaultAsync(s => s.LetterMailId == mailId, ct);
            if (row is not null && row.LetterSentAt is null)
            {
                row.LetterSentAt = at;
            }
        }
    }
}
