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

    /// <summary>
    /// The API answer to a read that may reveal: an unknown X-Purpose is 400; <paramref name="read"/> is given the stated
    /// purpose (null when none); the item is 200, a refused reveal 403.
    /// </summary>
    public static async Task<Results<Results<Ok<TResponse>, ForbidHttpResult>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>>
        AnswerAsync<T, TResponse>(Access access, Func<string?, Task<Outcome<RevealedRead<T>>>> read, Func<T, string?, TResponse> map)
    {
        if (access.Purpose(string.Empty) is not { } stated)
        {
            return Access.UnknownPurpose();
        }

        return (await read(stated.Length == 0 ? null : stated)).To(r => r.Forbidden
            ? (Results<Ok<TResponse>, ForbidHttpResult>)TypedResults.Forbid()
            : TypedResults.Ok(map(r.Item, r.Value)));
    }
}
