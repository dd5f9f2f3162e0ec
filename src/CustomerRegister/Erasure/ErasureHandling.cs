using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Marketing;
using CustomerRegister.Requests;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Erasure;

/// <summary>The erasure certificate: what was erased and what is kept until when and why, without a personal value.</summary>
public sealed record ErasureReport(
    Guid RequestId, Guid SubjectId, DateTime CompletedAt, IReadOnlyList<ErasedItems> Erased, IReadOnlyList<KeptItems> Kept,
    IReadOnlyList<string> MarketingBansKept, IReadOnlyList<NotifyRecipient> Notify, string Storage, string Backups);

/// <summary>
/// The dry run of an erasure (what <see cref="ErasureHandling.EraseAsync"/> would do now), per table with its categories
/// and counts like the certificate; <c>Refusal</c> says why the erasure itself may not run yet (null when it may), and
/// <c>Version</c> is the request's version to confirm with.
/// </summary>
public sealed record ErasurePreview(
    Guid RequestId, Guid SubjectId, RequestState State, long Version, string? Refusal, DateOnly Today,
    IReadOnlyList<ErasedItems> Erased, IReadOnlyList<KeptItems> Kept, IReadOnlyList<MarketingChannel> MarketingBansKept,
    IReadOnlyList<NotifyRecipient> Notify);

/// <summary>
/// The erasure step of an erasure request: the engine, the restriction of what must stay, the certificate, the request
/// closed — in one transaction. Then storage is reclaimed and the requester gets the certificate.
/// </summary>
public sealed class ErasureHandling(
    RegisterDbContext db, RequestSteps requests, ErasureEngine engine, ProcessingLimits limits, AuditLog audit,
    StorageReclaimer reclaimer, TimeProvider clock, IMailSender mail, Recordings.IRecordingStore files, ILogger<ErasureHandling> log,
    Microsoft.Extensions.Options.IOptions<ControllerOptions> controller, Retention.RetentionDates dates,
    Disclosures.RecipientNotifications notifications)
{
    private static readonly LocalText OnlyErasure = new(
        "Vain poistopyyntö poistaa tietoja.",
        "Endast en begäran om radering raderar uppgifter.",
        "Only an erasure request erases.");

    private static readonly LocalText NotStarted = new(
        "Poisto tehdään pyynnölle, jonka käsittely on aloitettu.",
        "Raderingen görs för en begäran vars behandling har påbörjats.",
        "Erasure runs on a started request; the request is {0}.");

    private static readonly LocalText AlreadyErased = new(
        "Tämän pyynnön henkilö on jo poistettu; katso poistotodistus.",
        "Personen i denna begäran har redan raderats; se raderingsintyget.",
        "The person of this request has already been erased; see the certificate.");

    /// <summary>Backups are the operator's, outside the application; the certificate says so rather than promise more.</summary>
    public const string Backups = "Database backups are outside the register: the erased data leaves them when they rotate out "
                                  + "(the operator's backup period, see README).";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static LocalText? Refusal(DataSubjectRequest r) =>
        r.Type != RequestType.Erasure ? OnlyErasure
        : r.SubjectId is null ? RequestRules.NotMatched
        : r.IdentityVerifiedAt is null ? RequestRules.NotVerified
        : r.State != RequestState.InProgress ? NotStarted.Format(r.State)
        : null;

    public async Task<Outcome<DataSubjectRequest>> EraseAsync(Guid id, long? version, CancellationToken ct)
    {
        var request = await requests.LoadAsync(id, version, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (Refusal(request) is { } why)
        {
            return Outcome.Conflict("state", why);
        }

        var subjectId = request.SubjectId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        ErasureOutcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Art 19: who may hold the person's data must be told; listed before the collection cases are restricted.
            var notify = await Art19Recipients.ListAsync(db, subjectId, request.Language, ct);
            var told = await notifications.AddAsync(subjectId, request.Id, Disclosures.NotificationSubject.Erasure, [], request.Language, ct);
            outcome = await engine.EraseAsync(subjectId, HelsinkiTime.Today(clock), ct);
            told.ForEach(n => n.CategoryKeys = Disclosures.Recipient.JoinKeys(outcome.Erased.SelectMany(e => e.Categories)));
            await limits.AddAsync(subjectId, LimitKind.Restriction, RestrictionGround.KeptByLawAfterErasure, request.Id, ct);
            var report = new ErasureReport(request.Id, subjectId, now, outcome.Erased, outcome.Kept,
                [.. outcome.MarketingBans.Select(c => c.ToString())], notify, "pending", Backups);
            db.Add(new ErasureCertificate
            {
                Id = Guid.CreateVersion7(),
                RequestId = request.Id,
                SubjectId = subjectId,
                CompletedAt = now,
                Body = JsonSerializer.Serialize(report, Json),
            });
            requests.Close(request, RequestState.Completed, "erased");
            request.ResponseLetter = ErasureLetters.Letter(request.Language, report, request.RequesterName,
                RequestLetters.From(controller.Value), dates.PeriodOf);
            requests.Record(request, "erased", null);
            audit.Add(RequestSteps.Entry("request.erase", request,
                [.. outcome.Erased.SelectMany(e => e.Categories).Concat(outcome.Kept.SelectMany(k => k.EmptiedCategories)).Distinct()]));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Recording files go after their rows are gone for good; a crash here leaves orphans the integrity check removes.
        foreach (var key in outcome.Files)
        {
            await files.DeleteAsync(key, ct);
        }

        var storage = await reclaimer.AfterDeletionAsync(db, outcome.Tables, ct);
        var certificate = await db.Set<ErasureCertificate>().FirstAsync(c => c.RequestId == request.Id, ct);
        var stored = JsonSerializer.Deserialize<ErasureReport>(certificate.Body, Json)! with { Storage = storage };
        certificate.Body = JsonSerializer.Serialize(stored, Json);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Erasure {RequestId}: {Erased} items erased, {Kept} kept restricted",
            request.Id, outcome.Erased.Sum(e => e.Count), outcome.Kept.Sum(k => k.Count));

        if (request.RequesterEmail is { } to)
        {
            await mail.SendAsync(MailMessages.Text(to, RequestLetters.TypeName(request.Type, request.Language),
                request.ResponseLetter, request.Language), request.Id, "response_letter", ct);
        }

        return request;
    }

    /// <summary>
    /// The dry run: for a matched erasure request not yet erased, what erasing its person now would delete, empty,
    /// anonymise and keep (until when and why), and who would be told. Reads only — no audit entry, no lock, no change.
    /// </summary>
    public async Task<Outcome<ErasurePreview>> PreviewAsync(Guid id, string? language, CancellationToken ct)
    {
        var request = await db.Set<DataSubjectRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (request.Type != RequestType.Erasure)
        {
            return Outcome.Conflict("type", OnlyErasure);
        }

        if (request.SubjectId is not { } subjectId)
        {
            return Outcome.Conflict("subjectId", RequestRules.NotMatched);
        }

        if (await db.Set<ErasureCertificate>().AnyAsync(c => c.RequestId == id, ct))
        {
            return Outcome.Conflict("state", AlreadyErased);
        }

        var today = HelsinkiTime.Today(clock);
        var lang = language ?? request.Language;
        var outcome = await engine.PreviewAsync(subjectId, today, ct);
        var notify = await Art19Recipients.ListAsync(db, subjectId, lang, ct);
        return new ErasurePreview(request.Id, subjectId, request.State, request.Version, Refusal(request)?.In(lang), today,
            outcome.Erased, outcome.Kept, outcome.MarketingBans, notify);
    }

    public async Task<Outcome<ErasureReport>> CertificateAsync(Guid requestId, CancellationToken ct)
    {
        var certificate = await db.Set<ErasureCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == requestId, ct);
        if (certificate is null)
        {
            return Outcome.Missing;
        }

        await audit.WriteAsync(new AuditEntry("erasure_certificate.read", Catalog.Purposes.DataSubjectRights, certificate.SubjectId,
            "erasure_certificate", certificate.Id.ToString(), [Catalog.Categories.RightsRequest.Id]), ct);
        return JsonSerializer.Deserialize<ErasureReport>(certificate.Body, Json)!;
    }
}
