using System.Globalization;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Retention;

public sealed record PreviewResponse(DateTime AsOf, long Due, long Held, IReadOnlyList<DueLine> Lines);

public sealed record RunLine(string Table, string Categories, string Rule, string Action, long Count);

public sealed record RunResponse(Guid Id, DateTime StartedAt, DateTime? CompletedAt, string Trigger, long Deleted, long Held, string? Error,
    IReadOnlyList<RunLine> Lines);

public sealed record HoldRequest(Guid? SubjectId, string? Table, Guid? RowId, string? Reason);

public sealed record ReleaseRequest(string? Reason);

public sealed record HoldResponse(Guid Id, Guid? SubjectId, string? Table, Guid? RowId, string Reason, DateTime SetAt, Guid? SetBy,
    DateTime? ReleasedAt, Guid? ReleasedBy, string? ReleaseReason);

/// <summary>Retention preview, sweep and deletion log; legal holds.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Retention").RequirePermission(Permissions.RetentionRead);
        read.MapGet("/retention/preview", PreviewAsync).WithSummary("What goes by asOf (default now) and why, and what holds keep back; counts only.");
        read.MapGet("/retention/runs", RunsAsync).WithSummary("The deletion log: recent runs with counts per table, category and rule.");
        read.MapGet("/legal-holds", HoldsAsync).WithSummary("Legal holds in force (all=true for released ones too).");

        app.MapGet("/api/subjects/{subjectId:guid}/retention", ProfileAsync).WithTags("Retention").RequirePermission(Permissions.CustomerRead)
            .WithSummary("The person's profile due date (the last day it is kept), or the named reasons it is held.");

        var run = app.MapGroup("/api").WithTags("Retention").RequirePermission(Permissions.RetentionRun);
        run.MapPost("/retention/run", RunAsync).WithSummary("Sweep now; 409 when another instance holds the lease.");
        run.MapPost("/legal-holds", HoldAsync).WithSummary("Hold a person (subjectId) or one item (table + rowId) back from the sweep, with the reason.");
        app.MapPost("/api/legal-holds/{id:guid}/release", ReleaseAsync).WithTags("Retention").RequirePermission(Permissions.LegalHoldRelease)
            .WithSummary("Release a hold, with the reason (the DPO only).");
        return app;
    }

    private static async Task<Results<Ok<ProfileRetentionStatus>, NotFound>> ProfileAsync(Guid subjectId, ProfileRetention retention, CancellationToken ct) =>
        await retention.GetAsync(subjectId, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    public static string? ParseAsOf(string? asOf, TimeProvider clock, out DateTime value)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        value = now;
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return "A date as YYYY-MM-DD.";
        }

        // The end of that day in Helsinki: what is due during the day is listed.
        value = date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified);
        value = TimeZoneInfo.ConvertTimeToUtc(value, HelsinkiTime.Zone);
        return value < now.AddYears(-1) || value > now.AddYears(10) ? "Within a year back and ten years ahead." : null;
    }

    private static async Task<Results<Ok<PreviewResponse>, ValidationProblem>> PreviewAsync(
        string? asOf, RetentionSweep sweep, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (ParseAsOf(asOf, clock, out var at) is { } error)
        {
            return new FieldErrors().Add("asOf", error).Problem();
        }

        var lines = await sweep.PreviewAsync(at, ct);
        await audit.WriteAsync(new AuditEntry("retention.preview", Purposes.LegalObligation, EntityType: "retention_run"), ct);
        return TypedResults.Ok(new PreviewResponse(at, lines.Sum(l => l.Due), lines.Sum(l => l.Held), lines));
    }

    private static async Task<Results<Ok<SweepResult>, Conflict<HttpValidationProblemDetails>>> RunAsync(
        RetentionSweep sweep, IHttpContextAccessor http, CancellationToken ct)
    {
        var (kind, id) = AuditLog.Actor(http.HttpContext?.User);
        var result = await sweep.RunAsync($"api:{kind}:{id}", ct);
        return result.Swept ? TypedResults.Ok(result) : FieldConflict.Problem("lease", result.Refusal!);
    }

    private static async Task<Ok<List<RunResponse>>> RunsAsync(RegisterDbContext db, int? limit, CancellationToken ct)
    {
        var runs = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Math.Clamp(limit ?? 20, 1, 200))
            .ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var lines = await db.Set<RetentionRunCount>().AsNoTracking().Where(c => ids.Contains(c.RunId)).ToListAsync(ct);
        return TypedResults.Ok(runs.Select(r => new RunResponse(r.Id, r.StartedAt, r.CompletedAt, r.Trigger, r.Deleted, r.Held, r.Error,
            [.. lines.Where(l => l.RunId == r.Id).GroupBy(l => (l.TableName, l.Categories, l.Rule, l.Action))
                .Select(g => new RunLine(g.Key.TableName, g.Key.Categories, g.Key.Rule, g.Key.Action, g.Sum(l => l.Count)))
                .OrderBy(l => l.Table, StringComparer.Ordinal)])).ToList());
    }

    private static async Task<Ok<List<HoldResponse>>> HoldsAsync(RegisterDbContext db, bool? all, CancellationToken ct)
    {
        var query = db.Set<LegalHold>().AsNoTracking();
        if (all != true)
        {
            query = query.Where(h => h.ReleasedAt == null);
        }

        var holds = await query.OrderBy(h => h.SetAt).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(holds.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<HoldResponse>, ValidationProblem>> HoldAsync(
        HoldRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, 1000, required: true);
        var item = request.Table is not null || request.RowId is not null;
        if (request.SubjectId is null == !item)
        {
            errors.Add("subjectId", "Either subjectId (a person) or table and rowId (one item).");
        }

        if (item && (request.Table is null || request.RowId is null))
        {
            errors.Add(request.Table is null ? "table" : "rowId", "An item is named by both table and rowId.");
        }

        if (request.SubjectId is { } s && !await db.Set<Subjects.Subject>().AnyAsync(x => x.Id == s, ct))
        {
            errors.Add("subjectId", "No such subject.");
        }

        if (request.Table is { } t && db.Model.GetEntityTypes().All(e => e.GetTableName() != t))
        {
            errors.Add("table", "No such table.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var hold = new LegalHold
        {
            Id = Guid.CreateVersion7(),
            SubjectId = request.SubjectId,
            TableName = request.Table,
            RowId = request.RowId,
            Reason = reason!,
            SetAt = clock.GetUtcNow().UtcDateTime,
            SetBy = AuditLog.Actor(http.HttpContext?.User).Id,
        };
        db.Add(hold);
        audit.Add(new AuditEntry("legal_hold.set", Purposes.LegalObligation, hold.SubjectId, "legal_hold", hold.Id.ToString(),
            [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/legal-holds/{hold.Id}", ToResponse(hold));
    }

    private static async Task<Results<Ok<HoldResponse>, NotFound, ValidationProblem>> ReleaseAsync(
        Guid id, ReleaseRequest request, RegisterDbContext db, AuditLog audit, IHttpContextAccessor http, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("reason", request.Reason, 1000, required: true);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var hold = await db.Set<LegalHold>().FirstOrDefaultAsync(h => h.Id == id && h.ReleasedAt == null, ct);
        if (hold is null)
        {
            return TypedResults.NotFound();
        }

        hold.ReleasedAt = clock.GetUtcNow().UtcDateTime;
        hold.ReleasedBy = AuditLog.Actor(http.HttpContext?.User).Id;
        hold.ReleaseReason = reason;
        audit.Add(new AuditEntry("legal_hold.release", Purposes.LegalObligation, hold.SubjectId, "legal_hold", hold.Id.ToString(),
            [Categories.RightsRequest.Id]));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(hold));
    }

    private static HoldResponse ToResponse(LegalHold h) =>
        new(h.Id, h.SubjectId, h.TableName, h.RowId, h.Reason, h.SetAt, h.SetBy, h.ReleasedAt, h.ReleasedBy, h.ReleaseReason);
}

/// <summary>Sweeps on a schedule (Retention:SweepIntervalMinutes), first one interval after start.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<RetentionOptions> options,
    ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync("schedule", stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled retention sweep failed; it runs again at the next interval");
            }
        }
    }
}
