using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Retention;

public sealed record PreviewResponse(DateTime AsOf, long Due, long Held, IReadOnlyList<DueLine> Lines);

public sealed record RunLine(string Table, string Categories, string Rule, string Action, long Count);

public sealed record RunResponse(Guid Id, DateTime StartedAt, DateTime? CompletedAt, string Trigger, long Deleted, long Held, string? Error,
    IReadOnlyList<RunLine> Lines);

/// <summary>The reads of retention: the preview (audited), the deletion log, the legal holds.</summary>
/// <summary>
/// One item a rule removes within the forecast's 12 months, with its reason: what it is (the table's categories), its key,
/// the person it is about, the day its period counts from, its due date (the last day it is kept) and what holds it.
/// </summary>
public sealed record RuleItem(string Table, IReadOnlyList<string> Categories, string? Key, Guid? SubjectId, DateOnly? Start, DateOnly? Due,
    IReadOnlyList<string> HeldBecause);

public sealed class RetentionQueries(RegisterDbContext db, RetentionSweep sweep, ProfileRetention profiles, AuditLog audit, TimeProvider clock)
{
    /// <summary>Why a due row stays: a hold on it or on its person (a legal hold, a legal-claims restriction, open collection).</summary>
    public const string HeldItem = "held";

    /// <summary>How many items of each kind the rule's drill-down lists.</summary>
    public const int ItemLimit = 25;

    /// <summary>
    /// The first items of a rule (earliest due first) that leave within the forecast's 12 months (<see cref="RetentionForecast"/>),
    /// with their reasons (none for the rules applied by one statement: identity codes, unconfirmed requests).
    /// </summary>
    public async Task<IReadOnlyList<RuleItem>> RuleItemsAsync(string rule, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = HelsinkiTime.StartUtc(RetentionForecast.MonthsFrom(HelsinkiTime.DateOf(now))[^1].To.AddDays(1));
        var (rows, people) = await sweep.DueItemsAsync(rule, horizon, ItemLimit, ct);
        var items = rows.Select(r => new RuleItem(r.Source.Table, [.. r.Source.Categories.Select(c => c.Id)], r.Row.Key, r.Row.SubjectId, r.Row.Start,
            r.Row.Start is { } start ? r.Source.Period.DueFrom(start, RetentionPlan.StartIsFinancialYearEnd(r.Source.Start)) : null,
            r.Row.Held ? [HeldItem] : [])).ToList();
        foreach (var person in people)
        {
            if (await profiles.GetAsync(person, ct) is { } status)
            {
                items.Add(new RuleItem("subjects", ProfileSweep.ProfileCategories, null, person, status.EndOfCooperation, status.DueDate, status.HeldBecause));
            }
        }

        await audit.WriteAsync(new AuditEntry("retention.preview", Purposes.LegalObligation, EntityType: "retention_run"), ct);
        return [.. items.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Table, StringComparer.Ordinal).Take(ItemLimit * 2)];
    }

    /// <summary>What goes by <paramref name="asOf"/> (a day, default now) and why, and what holds keep back.</summary>
    public async Task<Outcome<PreviewResponse>> PreviewAsync(string? asOf, CancellationToken ct)
    {
        if (RetentionAsOf.Parse(asOf, clock, out var at) is { } error)
        {
            return Outcome.Invalid("asOf", error);
        }

        var lines = await sweep.PreviewAsync(at, ct);
        await audit.WriteAsync(new AuditEntry("retention.preview", Purposes.LegalObligation, EntityType: "retention_run"), ct);
        return new PreviewResponse(at, lines.Sum(l => l.Due), lines.Sum(l => l.Held), lines);
    }

    /// <summary>The deletion log: the latest runs, newest first, with counts per table, category, rule and action.</summary>
    public async Task<List<RunResponse>> RunsAsync(int? limit, CancellationToken ct)
    {
        var runs = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Math.Clamp(limit ?? 20, 1, Paging.MaxSize))
            .ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var lines = await db.Set<RetentionRunCount>().AsNoTracking().Where(c => ids.Contains(c.RunId)).ToListAsync(ct);
        return [.. runs.Select(r => new RunResponse(r.Id, r.StartedAt, r.CompletedAt, r.Trigger, r.Deleted, r.Held, r.Error,
            [.. lines.Where(l => l.RunId == r.Id).GroupBy(l => (l.TableName, l.Categories, l.Rule, l.Action))
                .Select(g => new RunLine(g.Key.TableName, g.Key.Categories, g.Key.Rule, g.Key.Action, g.Sum(l => l.Count)))
                .OrderBy(l => l.Table, StringComparer.Ordinal)]))];
    }

    /// <summary>Legal holds in force, oldest first (<paramref name="all"/>: released ones too).</summary>
    public async Task<List<HoldResponse>> HoldsAsync(bool? all, CancellationToken ct)
    {
        var query = db.Set<LegalHold>().AsNoTracking();
        if (all != true)
        {
            query = query.Where(h => h.ReleasedAt == null);
        }

        var holds = await query.OrderBy(h => h.SetAt).Take(1000).ToListAsync(ct);
        return [.. holds.Select(LegalHolds.ToResponse)];
    }
}

/// <summary>A kind of item a hold can name one of (<c>table</c> + <c>rowId</c>): a table swept row by row, with its categories.</summary>
public sealed record HoldableTable(string Table, IReadOnlyList<string> Categories);

/// <summary>A retention rule in words for the pages: its period (the configured one), what it counts from, and the law.</summary>
public sealed record RuleWords(string Rule, LocalText Name, LocalText Period, LocalText Start, string Law);

/// <summary>The retention rules as the pages describe them, and the tables a hold can name an item of.</summary>
public sealed class RetentionRules(RetentionDates dates, IOptions<RequestOptions> requests)
{
    /// <summary>Every rule of the catalogue (the public static <see cref="RetentionRule"/> fields).</summary>
    public static readonly IReadOnlyList<RetentionRule> All =
    [
        .. typeof(RetentionRule).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RetentionRule)).Select(f => (RetentionRule)f.GetValue(null)!),
    ];

    /// <summary>The rule in words; null for an unknown rule.</summary>
    public RuleWords? Describe(string rule)
    {
        if (rule == UnconfirmedRequests.Rule)
        {
            return new RuleWords(rule, RetentionTexts.RuleName(rule), UiText.Text("Retention.Rule.unconfirmed-request.Period").Format(requests.Value.UnconfirmedDays),
                UiText.Text("Retention.Rule.unconfirmed-request.Start"), "GDPR Art 5(1)(c), (e)");
        }

        return All.FirstOrDefault(r => r.Id == rule) is { } found
            ? new RuleWords(rule, RetentionTexts.RuleName(rule), (dates.PeriodOf(found) with { Setting = null }).Text, found.StartingEvent, found.Law)
            : null;
    }

    /// <summary>The tables swept row by row whose items a hold can name, in the plan's order.</summary>
    public static IReadOnlyList<HoldableTable> Holdable(RetentionSweep sweep, DateTime now) =>
    [
        .. sweep.Plan().RowSources(now).Where(s => s.Entity.FindPrimaryKey()?.Properties is [{ ClrType: var key }] && key == typeof(Guid))
            .GroupBy(s => s.Table).Select(g => new HoldableTable(g.Key, [.. g.SelectMany(s => s.Categories).Select(c => c.Id).Distinct()])),
    ];
}
