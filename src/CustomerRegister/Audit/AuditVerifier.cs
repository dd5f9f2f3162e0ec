using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Audit;

public sealed record AuditProblem(long SealNumber, long FirstEventId, long LastEventId, string Problem);

public sealed record AuditVerification(
    bool Valid,
    long SealsChecked,
    long EventsChecked,
    long UnsealedEvents,
    string HeadHash,
    IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>Where a later verification may continue from, when this one found the chain valid up to its head.</summary>
    public AuditCheckpoint? Checkpoint { get; init; }
}

/// <summary>The last seal a verification found valid: its number, hash and last event id.</summary>
public sealed record AuditCheckpoint(long SealNumber, string Hash, long LastEventId);

/// <summary>
/// Walks every seal in order and recomputes it from the events it covers. An edited, inserted or removed
/// event, or an edited, inserted or removed seal, breaks the chain and is reported with its seal and id range.
/// Removing the newest seals together with their events cannot be seen from inside the database; record the
/// head hash elsewhere (the <c>audit verify</c> verb prints it) to close that gap.
/// Given a <see cref="AuditCheckpoint"/> of an earlier valid verification, only the seals after it are walked: the new
/// seals must follow the checkpoint's hash (an edit before it is found by the next full verification).
/// </summary>
public sealed class AuditVerifier(RegisterDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => await VerifyAsync(null, ct);

    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? from, CancellationToken ct)
    {
        var problems = new List<AuditProblem>();
        long sealsChecked = 0, eventsChecked = 0;
        var expectedNumber = (from?.SealNumber ?? 0) + 1;
        var previousLastId = from?.LastEventId ?? long.MinValue; // the first seal also owns every id below it
        var previousHash = from?.Hash ?? AuditHasher.GenesisHash;
        var afterNumber = from?.SealNumber ?? long.MinValue;

        var seals = await db.Set<AuditSeal>().AsNoTracking().Where(s => s.Number > afterNumber).OrderBy(s => s.Number).ToListAsync(ct);
        foreach (var seal in seals)
        {
            sealsChecked++;
            if (seal.Number != expectedNumber)
            {
                problems.Add(new(seal.Number, seal.FirstEventId, seal.LastEventId, $"seal number {expectedNumber} is missing"));
            }

            if (seal.PreviousHash != previousHash)
            {
                problems.Add(new(seal.Number, seal.FirstEventId, seal.LastEventId, "seal does not follow the previous seal"));
            }

            var count = 0;
            long firstId = 0;
            using var hasher = new AuditHasher(seal.PreviousHash);
            var lowerBound = previousLastId;
            var events = db.Set<AuditEvent>().AsNoTracking()
                .Where(e => e.Id > lowerBound && e.Id <= seal.LastEventId)
                .OrderBy(e => e.Id)
                .AsAsyncEnumerable();
            await foreach (var e in events.WithCancellation(ct))
            {
                if (count == 0)
                {
                    firstId = e.Id;
                }

                hasher.Append(e);
                count++;
            }

            eventsChecked += count;
            if (count != seal.EventCount || (count > 0 && firstId != seal.FirstEventId))
            {
                problems.Add(new(seal.Number, seal.FirstEventId, seal.LastEventId,
                    $"seal covers {seal.EventCount} events but {count} are present"));
            }
            else if (hasher.Finish() != seal.Hash)
            {
                problems.Add(new(seal.Number, seal.FirstEventId, seal.LastEventId, "an event in this range was changed"));
            }

            previousHash = seal.Hash;
            previousLastId = seal.LastEventId;
            expectedNumber = seal.Number + 1;
        }

        var unsealed = await db.Set<AuditEvent>().LongCountAsync(e => e.Id > previousLastId, ct);
        return new AuditVerification(problems.Count == 0, sealsChecked, eventsChecked, unsealed, previousHash, problems)
        {
            Checkpoint = problems.Count == 0 ? new AuditCheckpoint(expectedNumber - 1, previousHash, previousLastId) : null,
        };
    }
}
