using System.Security.Cryptography;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Imports;

/// <summary>An upload: what the file holds, where it came from, and what to do with people already in the register.</summary>
public sealed record ImportUpload(ImportKind? Kind, DataSource? Source, string? Supplier, DuplicatePolicy? Policy);

/// <summary>A started dry run or import: the batch and the job whose page (<c>/jobs/{id}</c>) shows its progress.</summary>
public sealed record ImportStarted(Guid BatchId, Guid JobId);

/// <summary>
/// The import use cases the API and the pages share: upload a file (kept in a private folder, hashed) and start its dry
/// run; confirm a checked file (the same file, by its hash) and start the import; discard a file that is not wanted.
/// Both runs are background jobs (<see cref="BackgroundJobs"/>) with a progress bar.
/// </summary>
public sealed class ImportBatches(RegisterDbContext db, BackgroundJobs jobs, AuditLog audit, IOptions<ImportOptions> options, TimeProvider clock,
    IHttpContextAccessor http)
{
    public const string FileField = "file";
    public const string SourceField = "source";
    public const string CheckJob = "import-check";
    public const string RunJob = "import-run";

    /// <summary>
    /// The catalogue's sources (notice § 7) a file may come from: public sources and commercial registers, the partner
    /// network, prospecting tools, referrers, and a customer organisation's own list of its people. Not "the consumer"
    /// nor "our own systems", which a file from outside never is.
    /// </summary>
    public static readonly IReadOnlyList<DataSource> Sources =
        [DataSource.PublicSources, DataSource.PartnerNetwork, DataSource.ProspectingTool, DataSource.Referrer, DataSource.CustomerOrganisation];

    /// <summary>Upload a file, then check it (dry run).</summary>
    public async Task<Outcome<ImportStarted>> UploadAsync(ImportUpload upload, Stream? content, string? fileName, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (upload.Kind is null || !Enum.IsDefined(upload.Kind.Value))
        {
            errors.Add("kind", ImportTexts.KindChoice);
        }

        if (upload.Source is not { } source || !Sources.Contains(source))
        {
            errors.Add(SourceField, ImportTexts.SourceChoice);
        }

        var supplier = errors.Text("supplier", upload.Supplier, 200, required: true);
        if (upload.Policy is null || !Enum.IsDefined(upload.Policy.Value))
        {
            errors.Add("policy", ImportTexts.PolicyChoice);
        }

        if (content is null)
        {
            errors.Add(FileField, ImportTexts.NoFile);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var id = Guid.CreateVersion7();
        Directory.CreateDirectory(options.Value.FolderPath);
        var path = PathOf(id);
        string hash;
        long bytes;
        try
        {
            (hash, bytes) = await CopyAsync(content!, path, options.Value.MaxFileBytes, ct);
        }
        catch (FileTooLarge)
        {
            File.Delete(path);
            return Outcome.Invalid(FileField, ImportTexts.TooLarge.Format(options.Value.MaxFileBytes / (1 << 20)));
        }

        if (bytes == 0)
        {
            File.Delete(path);
            return Outcome.Invalid(FileField, ImportTexts.NoFile);
        }

        var batch = new ImportBatch
        {
            Id = id,
            Kind = upload.Kind!.Value,
            Source = upload.Source!.Value,
            Supplier = supplier!,
            FileName = CleanName(fileName),
            FileHash = hash,
            FileBytes = bytes,
            Policy = upload.Policy!.Value,
            State = ImportState.Checking,
            UploadedBy = AuditLog.Actor(http.HttpContext?.User).Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        return new ImportStarted(id, Start(batch, dryRun: true).Id);
    }

    /// <summary>Import a checked file: the same file (its hash), all rows or none.</summary>
    public async Task<Outcome<ImportStarted>> ConfirmAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Set<ImportBatch>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return Outcome.Missing;
        }

        if (batch.State != ImportState.Checked)
        {
            return Outcome.Conflict("state", ImportTexts.NotCheckable, "not_checked");
        }

        if (batch.Refused > 0)
        {
            return Outcome.Conflict("state", ImportTexts.HasRefusals, "rows_refused");
        }

        var path = PathOf(id);
        if (!File.Exists(path) || await HashAsync(path, ct) != batch.FileHash)
        {
            batch.State = ImportState.Failed;
            batch.Problem = "Imports.File.Gone";
            await db.SaveChangesAsync(ct);
            return Outcome.Conflict(FileField, ImportTexts.FileGone, "file_gone");
        }

        batch.State = ImportState.Importing;
        await db.SaveChangesAsync(ct);
        return new ImportStarted(id, Start(batch, dryRun: false).Id);
    }

    /// <summary>Drop a file that was checked but is not wanted: its copy goes, its report stays as the record of the check.</summary>
    public async Task<Outcome<ImportBatch>> DiscardAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Set<ImportBatch>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return Outcome.Missing;
        }

        if (batch.State is not (ImportState.Checked or ImportState.Failed))
        {
            return Outcome.Conflict("state", ImportTexts.NotDiscardable, "not_discardable");
        }

        File.Delete(PathOf(id));
        batch.State = ImportState.Discarded;
        audit.Add(new AuditEntry("import.discard", Purposes.CustomerRelationship, null, "import_batch", id.ToString()));
        await db.SaveChangesAsync(ct);
        return batch;
    }

    private JobStatus Start(ImportBatch batch, bool dryRun)
    {
        var title = dryRun ? ImportTexts.CheckTitle.Format(batch.FileName) : ImportTexts.RunTitle.Format(batch.FileName);
        var batchId = batch.Id;
        return jobs.Start(new JobStart(dryRun ? CheckJob : RunJob, title, Permissions.ImportRun, $"/imports/{batchId}", JobKey(batchId)),
            http.HttpContext?.User, async (services, progress, ct) =>
            {
                var db = services.GetRequiredService<RegisterDbContext>();
                var engine = services.GetRequiredService<ImportEngine>();
                var audit = services.GetRequiredService<AuditLog>();
                var batch = await db.Set<ImportBatch>().AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
                var path = PathOf(batchId);
                ImportCounts counts;
                try
                {
                    counts = await engine.RunAsync(batch, path, dryRun, (done, total) => progress.Report(done, total, ImportTexts.RowsStep), ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    db.ChangeTracker.Clear();
                    var failed = await db.Set<ImportBatch>().FirstAsync(b => b.Id == batchId, CancellationToken.None);
                    failed.State = ImportState.Failed;
                    failed.Problem = "Imports.Failed.Unexpected";
                    await db.SaveChangesAsync(CancellationToken.None);
                    throw;
                }

                await audit.WriteAsync(new AuditEntry(dryRun ? "import.check" : "import.run", Purposes.CustomerRelationship, null, "import_batch",
                    batchId.ToString()), ct);
                var after = await db.Set<ImportBatch>().AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
                if (after.State is ImportState.Imported or ImportState.Failed)
                {
                    File.Delete(path);
                }

                var summary = after.State switch
                {
                    ImportState.Imported => ImportTexts.Imported.Format(counts.New, counts.Updated, counts.Skipped + counts.Unchanged, counts.Banned),
                    ImportState.Checked => ImportTexts.Checked.Format(counts.Rows, counts.New, counts.Updated, counts.Skipped + counts.Unchanged,
                        counts.Refused),
                    _ => ImportTexts.NotImported,
                };
                return after.State == ImportState.Failed && after.Problem != "Imports.Failed.RowsRefused"
                    ? JobResult.Failed(ImportTexts.Problem(after.Problem, after.ProblemDetail))
                    : JobResult.Done(summary, $"/imports/{batchId}");
            });
    }

    /// <summary>Where a batch's file waits between its dry run and the import.</summary>
    public static string PathOf(ImportOptions options, Guid id) => Path.Combine(options.FolderPath, $"{id:N}.csv");

    /// <summary>The key of a batch's job: one at a time per batch, and how a running one is found.</summary>
    public static string JobKey(Guid batchId) => $"import:{batchId}";

    private string PathOf(Guid id) => PathOf(options.Value, id);

    private static string CleanName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length == 0 ? "import.csv" : name.Length > 260 ? name[..260] : name;
    }

    private static async Task<(string Hash, long Bytes)> CopyAsync(Stream content, string path, long max, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > max)
                {
                    throw new FileTooLarge();
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        return (Convert.ToHexString(hash.GetHashAndReset()), total);
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(file, ct));
    }

    private sealed class FileTooLarge : Exception;
}
