using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Marketing;

public sealed record WebEventRequest(
    Guid? SubjectId, DateTime? OccurredAt, string? Kind, string? Path, string? SessionId, string? Referrer, string? Source);

/// <summary>An event not stored: the person named has no web-behaviour consent in force (or may not be profiled).</summary>
public sealed record WebEventNotLinked(bool Linked, string Reason);

public sealed record UnlinkedWebEventsResponse(DateOnly Day, int Events);

public sealed record WebEventResponse(
    Guid Id, Guid SubjectId, DateTime OccurredAt, WebEventKind Kind, string Path, string? SessionId, string? Referrer, DataSource Source);

/// <summary>What became of an event sent in: stored, or dropped for want of its basis.</summary>
public sealed record WebEventIntake(WebEventResponse? Stored, WebEventNotLinked? Dropped);

/// <summary>Web-behaviour events from the website: intake (only with a consent in force), the person's list, the daily count of dropped ones.</summary>
public sealed class WebEvents(
    RegisterDbContext db, AuditLog audit, ProcessingLimits limits, IOptions<MarketingOptions> options, TimeProvider clock)
{
    private static readonly LocalText BadRange = new(
        "Alkupäivä ei voi olla loppupäivän jälkeen, ja jakso on enintään {0} päivää.",
        "Startdagen får inte ligga efter slutdagen, och perioden är högst {0} dagar.",
        "From must not be after to, and the range at most {0} days.");

    public const int MaxPathLength = 500;
    public const int MaxRangeDays = 400;
    private const string Entity = "web_event";

    /// <summary>
    /// Stores the event only while the person has a web-behaviour consent in force (<see cref="MarketingChannel.Web"/>,
    /// <see cref="Purposes.WebAnalytics"/>) and may be profiled (no restriction, no objection to profiling). Otherwise the
    /// event is dropped — the register keeps no web behaviour without its basis — and counted for the day.
    /// </summary>
    public async Task<Outcome<WebEventIntake>> IntakeAsync(WebEventRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", FieldMessages.Required);
        }

        var occurredAt = errors.Past("occurredAt", request.OccurredAt, now);
        var kind = errors.Enum<WebEventKind>("kind", request.Kind);
        var path = errors.Text("path", request.Path, MaxPathLength, required: true);
        var session = errors.Text("sessionId", request.SessionId, 100);
        var referrer = errors.Text("referrer", request.Referrer, MaxPathLength);
        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var subjectId = request.SubjectId!.Value;
        var consent = await MarketingLedger.DecideAsync(db, subjectId, MarketingChannel.Web, Purposes.WebAnalytics, options.Value.Terms(clock), ct);
        if (consent is null)
        {
            return Outcome.Invalid("subjectId", FieldMessages.NoSuchSubject);
        }

        if (!consent.Allowed || !await limits.MayProfileAsync(subjectId, ct))
        {
            var reason = consent.Allowed ? ConsentReasons.Restricted : consent.Reason;
            await CountUnlinkedAsync(HelsinkiTime.Today(clock), ct);
            await audit.WriteAsync(new AuditEntry("marketing.web_event.unlinked", Purposes.WebAnalytics, EntityType: Entity,
                Outcome: "dropped"), ct);
            return new WebEventIntake(null, new WebEventNotLinked(false, reason));
        }

        var e = new WebEvent
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            Source = source!.Value,
            CreatedAt = now,
            UpdatedAt = now,
            OccurredAt = occurredAt ?? now,
            Kind = kind!.Value,
            Path = path!,
            SessionId = session,
            Referrer = referrer,
        };
        db.Add(e);
        audit.Add(new AuditEntry("marketing.web_event.intake", Purposes.WebAnalytics, subjectId, Entity, e.Id.ToString(),
            Access.SetFields(db.Entry(e))));
        await db.SaveChangesAsync(ct);
        return new WebEventIntake(ToResponse(e), null);
    }

    /// <summary>The person's web events in arrival order, a page at a time.</summary>
    public async Task<Outcome<Page<WebEventResponse>>> OfSubjectAsync(Guid subjectId, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return Outcome.Missing;
        }

        var query = db.Set<WebEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId);
        var page = await query.ByIdAsync(after, size, ToResponse, ct);
        await audit.WriteAsync(new AuditEntry("marketing.web_event.read", Purposes.Marketing, subjectId, Entity,
            Fields: [Categories.WebBehaviour.Id]), ct);
        return page;
    }

    /// <summary>Per Helsinki day, how many events naming a person were dropped (no personal data); the last 30 days by default.</summary>
    public async Task<Outcome<List<UnlinkedWebEventsResponse>>> UnlinkedAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var last = to ?? HelsinkiTime.Today(clock);
        var first = from ?? last.AddDays(-30);
        if (first > last || last.DayNumber - first.DayNumber > MaxRangeDays)
        {
            return Outcome.Invalid("from", BadRange.Format(MaxRangeDays));
        }

        return await db.Set<UnlinkedWebEventDay>().AsNoTracking().Where(d => d.Day >= first && d.Day <= last).OrderBy(d => d.Day)
            .Select(d => new UnlinkedWebEventsResponse(d.Day, d.Events)).ToListAsync(ct);
    }

    /// <summary>The newest events, for the subject picture (the full list is paged above).</summary>
    public static async Task<List<WebEventResponse>> LatestAsync(RegisterDbContext db, Guid subjectId, int count, CancellationToken ct) =>
        (await db.Set<WebEvent>().AsNoTracking().Where(e => e.SubjectId == subjectId).OrderByDescending(e => e.Id).Take(count).ToListAsync(ct))
            .Select(ToResponse).ToList();

    /// <summary>One more dropped event on the day; a single statement, so parallel intakes never lose a count.</summary>
    private Task<int> CountUnlinkedAsync(DateOnly day, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO unlinked_web_event_days (day, events) VALUES ({day}, 1) ON CONFLICT (day) DO UPDATE SET events = unlinked_web_event_days.events + 1",
            ct);

    private static WebEventResponse ToResponse(WebEvent e) => new(
        e.Id, e.SubjectId, e.OccurredAt, e.Kind, e.Path, e.SessionId, e.Referrer, e.Source);
}
