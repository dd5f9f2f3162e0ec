using System.Security.Claims;
using CustomerRegister.Erasure;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Requests;

/// <summary>
/// Long work on a request (issue 15 item 7): for a person with more than <see cref="RequestOptions.LargeProfileRows"/>
/// items, the access report by email and the erasure run as jobs (<see cref="BackgroundJobs"/>) — started, progressing,
/// done with a link to the result or failed with the reason, safe to leave (<c>/jobs/{id}</c>, and the request page shows
/// the latest). The work is the same use case the page and the API call directly for a smaller person.
/// </summary>
public sealed class RequestJobs(BackgroundJobs jobs, ErasureEngine engine, TimeProvider clock, IOptions<RequestOptions> options)
{
    public const string AccessReportKind = "access-report";

    public const string ErasureKind = "erasure";

    private static readonly LocalText ReportTitle = new("Tarkastusraportin lähetys", "Utskick av insynsrapporten", "Sending the access report");

    private static readonly LocalText ErasureTitle = new("Tietojen poisto", "Radering av uppgifter", "Erasure");

    private static readonly LocalText Composing = new(
        "Kootaan raportti henkilön {0} tiedosta", "Rapporten sammanställs av personens {0} uppgifter", "Composing the report of the person's {0} items");

    private static readonly LocalText Erasing = new(
        "Poistetaan henkilön {0} tietoa yhdessä tapahtumassa", "Personens {0} uppgifter raderas i en transaktion", "Erasing the person's {0} items in one transaction");

    private static readonly LocalText Sent = new(
        "Raportti on lähtenyt sähköpostilla.", "Rapporten har skickats per e-post.", "The report has gone by email.");

    private static readonly LocalText Erased = new(
        "Tiedot on poistettu; poistotodistus on valmis.", "Uppgifterna har raderats; raderingsintyget är klart.", "The data is erased; the certificate is ready.");

    /// <summary>The key under which a request's jobs run (one at a time per request) and are found again.</summary>
    public static string Key(Guid requestId) => $"request:{requestId}";

    /// <summary>The request's latest job, running or finished, or null.</summary>
    public JobStatus? LatestOf(Guid requestId) => jobs.LatestOf(Key(requestId));

    /// <summary>How many items the person has (what the erasure's dry run counts), or null when that is at most the threshold.</summary>
    public async Task<long?> LargeAsync(Guid subjectId, CancellationToken ct)
    {
        var preview = await engine.PreviewAsync(subjectId, HelsinkiTime.Today(clock), ct);
        var items = preview.Erased.Sum(e => e.Count) + preview.Kept.Sum(k => k.Count);
        return items > options.Value.LargeProfileRows ? items : null;
    }

    /// <summary>Sends the access report by email in the background (<see cref="SendAccessReport"/>).</summary>
    public JobStatus SendReport(Guid requestId, SendReportRequest input, long items, ClaimsPrincipal? user) =>
        jobs.Start(new JobStart(AccessReportKind, ReportTitle, Permissions.RequestHandle, $"/requests/{requestId}", Key(requestId)), user,
            async (services, progress, ct) =>
            {
                progress.Report(0, 1, Composing.Format(items));
                var outcome = await services.GetRequiredService<SendAccessReport>().SendAsync(requestId, input, ct).CatchStale();
                return outcome.IsOk ? JobResult.Done(Sent, $"/requests/{requestId}") : JobResult.Failed(Reason(outcome));
            });

    /// <summary>Erases the request's person in the background (<see cref="ErasureHandling.EraseAsync"/>, at the version reviewed).</summary>
    public JobStatus Erase(Guid requestId, long? version, long items, ClaimsPrincipal? user) =>
        jobs.Start(new JobStart(ErasureKind, ErasureTitle, Permissions.RequestHandle, $"/requests/{requestId}", Key(requestId)), user,
            async (services, progress, ct) =>
            {
                progress.Report(0, 1, Erasing.Format(items));
                var outcome = await services.GetRequiredService<ErasureHandling>().EraseAsync(requestId, version, ct).CatchStale();
                return outcome.IsOk ? JobResult.Done(Erased, $"/requests/{requestId}/erasure") : JobResult.Failed(Reason(outcome));
            });

    private static LocalText Reason<T>(Outcome<T> outcome) =>
        outcome.Conflict?.Message
        ?? outcome.Errors?.Messages.SelectMany(m => m.Value).FirstOrDefault()
        ?? BackgroundJobs.UnexpectedFailure.Format(outcome.NotFound ? "404" : "-");
}
