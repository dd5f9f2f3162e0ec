using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Protection;

/// <summary>
/// One item read with, when asked, one protected field revealed: <see cref="Value"/> is the revealed value (null when
/// the field stays masked); <see cref="Forbidden"/> when the caller lacks the reveal permission (the refusal is audited).
/// </summary>
public sealed record RevealedRead<T>(T Item, string? Value = null, bool Forbidden = false);

public static class RevealedReads
{
    /// <summary>Reveals the target field of <paramref name="item"/>: a purpose the category does not serve is bad input naming X-Purpose.</summary>
    public static async Task<Outcome<RevealedRead<T>>> RevealAsync<T>(
        this Reveals reveals, T item, RevealTarget target, string? statedPurpose, Func<string?> decrypt, CancellationToken ct)
    {
        var (outcome, value) = await reveals.RevealAsync(target, statedPurpose, decrypt, ct);
        return outcome switch
        {
            RevealOutcome.WrongPurpose => Outcome.Invalid(Reveals.WrongPurposeErrors(target.Category)),
            RevealOutcome.Forbidden => new RevealedRead<T>(item, Forbidden: true),
            _ => new RevealedRead<T>(item, value),
        };
    }

    /// <summary>The API answer to a read: the item, or 403 when the reveal was refused.</summary>
    public static Results<Ok<TResponse>, ForbidHttpResult> OkOrForbid<T, TResponse>(this RevealedRead<T> read, Func<T, string?, TResponse> map) =>
        read.Forbidden ? TypedResults.Forbid() : TypedResults.Ok(map(read.Item, read.Value));
}
