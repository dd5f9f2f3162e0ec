using CustomerRegister.Catalog;

namespace CustomerRegister.Recordings;

public sealed record CallRecordingResponse(
    Guid Id, Guid? SubjectId, string? CallerNumber, string Agent, Guid? AgentUserId, DateTime StartedAt, int DurationSeconds,
    long SizeBytes, string ContentType, string Sha256, DateTime UploadedAt, DataSource Source);

public sealed record CctvRecordingResponse(
    Guid Id, Guid UnitId, string Camera, DateTime PeriodStart, DateTime PeriodEnd, long SizeBytes, string ContentType, string Sha256,
    DateTime UploadedAt);

public sealed record ProductionUnitRequest(string? Name, string? Address, int? CctvRetentionMonths, long? Version);

public sealed record ProductionUnitResponse(Guid Id, string Name, string? Address, int CctvRetentionMonths, long Version);

public static class RecordingMapping
{
    public static CallRecordingResponse ToResponse(this CallRecording r) => new(
        r.Id, r.SubjectId, r.CallerNumber, r.Agent, r.AgentUserId, r.StartedAt, r.DurationSeconds, r.SizeBytes, r.ContentType, r.Sha256,
        r.UploadedAt, r.Source);

    public static CctvRecordingResponse ToResponse(this CctvRecording r) => new(
        r.Id, r.UnitId, r.Camera, r.PeriodStart, r.PeriodEnd, r.SizeBytes, r.ContentType, r.Sha256, r.UploadedAt);

    public static ProductionUnitResponse ToResponse(this ProductionUnit u) => new(u.Id, u.Name, u.Address, u.CctvRetentionMonths, u.Version);

    public static Infrastructure.Page<TResponse> ToResponse<T, TResponse>(this Infrastructure.Page<T> page, Func<T, TResponse> map) =>
        new([.. page.Items.Select(map)], page.NextAfter);
}
