using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Recordings;

/// <summary>A person's call recordings in their picture: metadata only; the audio is downloaded separately (audited).</summary>
public sealed class RecordingsSection : ISubjectSection
{
    public string Name => "callRecordings";

    public string ReadPermission => Permissions.RecordingRead;

    public IReadOnlyList<DataCategory> Categories { get; } = [Catalog.Categories.CallRecording];

    public async Task<object?> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var recordings = await db.Set<CallRecording>().AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync(ct);
        return recordings.Count == 0
            ? null
            : recordings.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(r => r.ToResponse()).ToList();
    }
}
