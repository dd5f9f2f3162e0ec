using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CustomerRegister.Recordings;

/// <summary>Customer-service calls from the telephony system, linked to the caller when exactly one person has the number.</summary>
public sealed class CallRecordingKind(RegisterDbContext db) : RecordingKind<CallRecording>
{
    private static readonly LocalText WholeSeconds = new(
        "Pakollinen tieto: kokonaiset sekunnit.",
        "Obligatorisk uppgift: hela sekunder.",
        "Required: whole seconds.");

    public override string Name => "call";

    public override string Route => "calls";

    public override string MediaType => "audio";

    public override string EntityType => "call_recording";

    public override string Table => "call_recordings";

    public override string Purpose => Purposes.CustomerRelationship;

    public override DataCategory Category => Categories.CallRecording;

    public override IReadOnlyList<string> Fields { get; } = ["caller_number", "started_at", "duration_seconds", "storage_key"];

    public override Guid? SubjectOf(CallRecording recording) => recording.SubjectId;

    public override IEnumerable<string> UploadedFields(EntityEntry entry) => Access.SetFields(entry);

    public override async Task<CallRecording?> FromFieldsAsync(
        IReadOnlyDictionary<string, string> fields, FieldErrors errors, DateTime now, CancellationToken ct)
    {
        var caller = errors.Optional<PhoneNumber>("callerNumber", fields.GetValueOrDefault("callerNumber"), PhoneNumber.TryParse);
        var agent = errors.Text("agent", fields.GetValueOrDefault("agent"), 200, required: true);
        var startedAt = errors.Time("startedAt", fields.GetValueOrDefault("startedAt"));
        if (startedAt > now)
        {
            errors.Add("startedAt", FieldMessages.MustNotBeInFuture);
        }

        int? duration = null;
        if (!int.TryParse(fields.GetValueOrDefault("durationSeconds"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            errors.Add("durationSeconds", WholeSeconds);
        }
        else if (seconds is < 0 or > RecordingRules.MaxCallSeconds)
        {
            errors.Add("durationSeconds", FieldMessages.Between(0, RecordingRules.MaxCallSeconds));
        }
        else
        {
            duration = seconds;
        }

        if (errors.Any)
        {
            return null;
        }

        return new CallRecording
        {
            Id = Guid.CreateVersion7(),
            SubjectId = caller is null ? null : await SubjectOfAsync(caller, ct),
            CallerNumber = caller?.Value,
            Agent = agent!,
            AgentUserId = Guid.TryParse(agent, out var user) && await db.Users.AnyAsync(u => u.Id == user, ct) ? user : null,
            StartedAt = startedAt!.Value,
            DurationSeconds = duration!.Value,
            Source = DataSource.OwnSystems,
        };
    }

    /// <summary>
    /// The person whose number called: looked up in the search index (indexed, E.164 digits) among consumers and
    /// contact persons; linked only when exactly one person has it.
    /// </summary>
    private async Task<Guid?> SubjectOfAsync(PhoneNumber number, CancellationToken ct)
    {
        var term = SearchIndex.PhoneTerm(number.Value);
        var subjects = await db.Set<SearchEntry>().AsNoTracking()
            .Where(e => e.Field == SearchIndex.PhoneField && e.Term == term && e.SubjectId != null
                        && (e.TargetKind == SearchTarget.Consumer || e.TargetKind == SearchTarget.ContactPerson))
            .Select(e => e.SubjectId!.Value).Distinct().Take(2).ToListAsync(ct);
        return RecordingRules.MatchSubject(subjects);
    }
}

/// <summary>CCTV footage of a production unit's camera: linked to the unit, never to a person.</summary>
public sealed class CctvRecordingKind(RegisterDbContext db) : RecordingKind<CctvRecording>
{
    private static readonly LocalText NoSuchUnit = new(
        "Tuotantoyksikköä ei löydy.",
        "Produktionsenheten finns inte.",
        "No such production unit.");

    public override string Name => "cctv";

    public override string Route => "cctv";

    public override string MediaType => "video";

    public override string EntityType => "cctv_recording";

    public override string Table => "cctv_recordings";

    public override string Purpose => Purposes.LegalObligation;

    public override DataCategory Category => Categories.CctvRecording;

    public override IReadOnlyList<string> Fields { get; } = ["period_start", "period_end", "storage_key"];

    public override async Task<CctvRecording?> FromFieldsAsync(
        IReadOnlyDictionary<string, string> fields, FieldErrors errors, DateTime now, CancellationToken ct)
    {
        Guid? unit = null;
        if (!Guid.TryParse(fields.GetValueOrDefault("unit"), out var unitId))
        {
            errors.Add("unit", FieldMessages.RequiredUnit);
        }
        else if (!await db.Set<ProductionUnit>().AnyAsync(u => u.Id == unitId, ct))
        {
            errors.Add("unit", NoSuchUnit);
        }
        else
        {
            unit = unitId;
        }

        var camera = errors.Text("camera", fields.GetValueOrDefault("camera"), 100, required: true);
        var start = errors.Time("periodStart", fields.GetValueOrDefault("periodStart"));
        var end = errors.Time("periodEnd", fields.GetValueOrDefault("periodEnd"));
        if (start is not null && end is not null && RecordingRules.CctvPeriodError(start.Value, end.Value, now) is { } why)
        {
            errors.Add("periodEnd", why);
        }

        return errors.Any
            ? null
            : new CctvRecording { Id = Guid.CreateVersion7(), UnitId = unit!.Value, Camera = camera!, PeriodStart = start!.Value, PeriodEnd = end!.Value };
    }
}
