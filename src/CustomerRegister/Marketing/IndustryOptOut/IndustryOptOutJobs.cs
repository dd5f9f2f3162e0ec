using System.Security.Claims;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;

namespace CustomerRegister.Marketing.IndustryOptOut;

/// <summary>A load started: the load's record and the background job reading the file.</summary>
public sealed record IndustryOptOutStarted(IndustryOptOutList List, JobStatus Job);

/// <summary>
/// The one way a list file is loaded, for the page and the API alike: the request is checked, the upload is copied to a
/// temporary file (never held in memory) and read by a background job with progress (<see cref="BackgroundJobs"/>,
/// <c>/jobs/{id}</c>), which deletes the temporary file when it ends.
/// </summary>
public sealed class IndustryOptOutJobs(BackgroundJobs jobs, IndustryOptOutLoader loader)
{
    public const string Kind = "industry-opt-out";

    public const string PageHref = "/marketing/industry-opt-out";

    /// <summary>The largest file accepted (a million lines of addresses fit well within it).</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    public async Task<Outcome<IndustryOptOutStarted>> StartAsync(IndustryOptOutLoadRequest request, Stream? content, ClaimsPrincipal? user,
        CancellationToken ct)
    {
        var begun = await loader.BeginAsync(request with { HasFile = request.HasFile && content is not null }, user, ct);
        if (!begun.IsOk)
        {
            return Outcome.Invalid(begun.Errors!);
        }

        var list = begun.Value!;
        var path = Path.Combine(Path.GetTempPath(), $"industry-opt-out-{list.Id:N}.csv");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await content!.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(path);
            await loader.AbandonAsync(list.Id);
            throw;
        }

        var job = jobs.Start(new JobStart(Kind, IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Job.Title"], Permissions.MarketingWrite,
            PageHref, SingleKey: $"{Kind}:{list.Id}"), user, async (services, progress, token) =>
        {
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
                // The rows are not known before the end: the share of the file read is the progress, in per cent.
                var length = Math.Max(1, file.Length);
                var loaded = await services.GetRequiredService<IndustryOptOutLoader>().LoadAsync(list.Id, file,
                    rows => progress.Report((int)Math.Min(100, file.Position * 100 / length), 100,
                        IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Job.Step"].Format(rows.ToString("#,##0", Display.Format))),
                    token);
                return loaded.State == IndustryOptOutListState.Current
                    ? JobResult.Done(IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Job.Done"].Format(
                        loaded.Entries.ToString("#,##0", Display.Format), loaded.RefusedRows.ToString("#,##0", Display.Format)), PageHref)
                    : JobResult.Failed(IndustryOptOutTexts.Texts["Marketing.IndustryOptOut.Job.Refused"].Format(IndustryOptOutTexts.Refusal(loaded)));
            }
            finally
            {
                File.Delete(path);
            }
        });
        return new IndustryOptOutStarted(list, job);
    }
}
