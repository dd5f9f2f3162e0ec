using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing.OptOut;

public enum OptOutResult
{
    /// <summary>The link is expired, tampered with, or its person is not in the register: the page says how else to refuse.</summary>
    Invalid = 0,

    /// <summary>The prohibition (or the objection to profiling) was recorded now.</summary>
    Recorded = 1,

    /// <summary>It was already in force; nothing was added.</summary>
    AlreadyInForce = 2,
}

/// <summary>
/// The opt-out link's use cases: read what a link stands for (changes nothing and reads nothing of the person: mail
/// scanners open links), and refuse through it — a <see cref="ConsentEntryKind.Prohibition"/> in the ledger for the
/// link's channel and purpose through <see cref="ConsentLedger"/>, or an objection to profiling through
/// <see cref="ProcessingLimits"/> (which removes the profile in the same save). Idempotent. The person acts without
/// signing in: the ledger entry and the audit events name them (<see cref="AuditLog.ActorSubject"/>).
/// </summary>
public sealed class OptOuts(
    RegisterDbContext db, OptOutLinks links, ConsentLedger ledger, ProcessingLimits limits, IHttpContextAccessor http,
    IOptions<MarketingOptions> marketing, TimeProvider clock)
{
    /// <summary>The ledger entry's evidence: it came through an opt-out link.</summary>
    public const string Evidence = "optout-link";

    /// <summary>What the link stands for, or null when it does not open (expired, tampered, malformed); no database read.</summary>
    public OptOutToken? Read(string? token) => links.Read(token);

    public async Task<OptOutResult> RefuseAsync(string? token, CancellationToken ct)
    {
        if (links.Read(token) is not { } link || await MarketingLedger.SubjectKindAsync(db, link.SubjectId, ct) is not { } kind
            || kind == SubjectKind.Anonymised)
        {
            return OptOutResult.Invalid;
        }

        if (http.HttpContext is { } context)
        {
            context.Items[AuditLog.ActingSubjectKey] = link.SubjectId;
        }

        return link.Channel is { } channel
            ? await ProhibitAsync(link.SubjectId, kind, channel, link.Purpose!, ct)
            : await ObjectToProfilingAsync(link.SubjectId, ct);
    }

    private async Task<OptOutResult> ProhibitAsync(Guid subjectId, SubjectKind kind, MarketingChannel channel, string purpose, CancellationToken ct)
    {
        var facts = await MarketingLedger.FactsAsync(db, subjectId, await MarketingLedger.EntriesAsync(db, subjectId, ct), ct);
        if (MarketingConsentRules.Decide(kind, channel, purpose, facts, marketing.Value.Terms(clock)).Reason == ConsentReasons.Prohibited)
        {
            return OptOutResult.AlreadyInForce;
        }

        // The person said it themself: a consumer or sole trader is the consumer source, a contact person the customer organisation's.
        var source = kind == SubjectKind.ContactPerson ? DataSource.CustomerOrganisation : DataSource.Consumer;
        var request = new ConsentEntryRequest(channel.ToString(), purpose, nameof(ConsentEntryKind.Prohibition), source.ToString(),
            OccurredAt: null, WordingVersion: null, Evidence: Evidence);
        var outcome = await ledger.AppendAsync(subjectId, request, (AuditLog.ActorSubject, subjectId), ct);
        return outcome.IsOk ? OptOutResult.Recorded : OptOutResult.Invalid;
    }

    private async Task<OptOutResult> ObjectToProfilingAsync(Guid subjectId, CancellationToken ct)
    {
        if (await ProcessingLimits.Active(db, LimitKind.ProfilingObjection).AnyAsync(l => l.SubjectId == subjectId, ct))
        {
            return OptOutResult.AlreadyInForce;
        }

        await limits.AddAsync(subjectId, LimitKind.ProfilingObjection, null, null, ct);
        await db.SaveChangesAsync(ct);
        return OptOutResult.Recorded;
    }
}
