using CustomerRegister.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// What a use case ended in: a value, bad input (each field named), nothing found, or a conflict with the record's
/// state. Use cases return it; the API maps it to HTTP with <see cref="OutcomeResults"/>, pages show its errors beside
/// the fields, the command line prints them. A use case returns a value or one of <see cref="Outcome"/>'s failures,
/// which convert to any <c>Outcome&lt;T&gt;</c>.
/// </summary>
public sealed record Outcome<T>
{
    public T? Value { get; private init; }

    public FieldErrors? Errors { get; private init; }

    /// <summary>The field in conflict (e.g. <c>state</c>, a duplicate number) and why; answered as 409.</summary>
    public FieldConflictInfo? Conflict { get; private init; }

    public bool NotFound { get; private init; }

    public bool IsOk => Errors is null && Conflict is null && !NotFound;

    public static implicit operator Outcome<T>(T value) => new() { Value = value };

    public static implicit operator Outcome<T>(Failure failure) =>
        new() { Errors = failure.Errors, Conflict = failure.Conflict, NotFound = failure.NotFound };
}

/// <summary>A failed outcome of any type; see <see cref="Outcome"/>.</summary>
public sealed record Failure(FieldErrors? Errors, FieldConflictInfo? Conflict, bool NotFound);

/// <summary>
/// The field in conflict, the message in every language (the API answers the English one), and optionally a
/// machine-readable reason (the 409's <c>reason</c>).
/// </summary>
public sealed record FieldConflictInfo(string Field, LocalText Message, string? Reason = null);

public static class Outcome
{
    public static readonly Failure Missing = new(null, null, true);

    public static Failure Invalid(FieldErrors errors) => new(errors, null, false);

    /// <summary>Bad input in one field.</summary>
    public static Failure Invalid(string field, LocalText message) => Invalid(new FieldErrors().Add(field, message));

    public static Failure Conflict(string field, LocalText message, string? reason = null) =>
        new(null, new FieldConflictInfo(field, message, reason), false);
}

/// <summary>The one mapping of outcomes to HTTP: 400 naming the fields, 404, 409 naming the field in conflict.</summary>
public static class OutcomeResults
{
    /// <summary>The success answer made by <paramref name="ok"/>, or the failure's answer.</summary>
    public static Results<TOk, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> To<T, TOk>(
        this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult
    {
        if (outcome.IsOk)
        {
            return ok(outcome.Value!);
        }

        if (outcome.Errors is { } errors)
        {
            return errors.Problem();
        }

        return outcome.Conflict is { } c ? FieldConflict.Problem(c.Field, c.Message.En, c.Reason) : TypedResults.NotFound();
    }

    public static Results<Ok<T>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> ToOk<T>(this Outcome<T> outcome) =>
        outcome.To(TypedResults.Ok);

    /// <summary>For endpoints that hand a use case's task straight through: <c>useCase.ReadAsync(id, ct).ToOkAsync()</c>.</summary>
    public static async Task<Results<Ok<T>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>> ToOkAsync<T>(
        this Task<Outcome<T>> outcome) => (await outcome).ToOk();

    public static Results<Ok<TResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> ToOk<T, TResponse>(
        this Outcome<T> outcome, Func<T, TResponse> map) =>
        outcome.To(v => TypedResults.Ok(map(v)));

    public static Results<Created<TResponse>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> ToCreated<T, TResponse>(
        this Outcome<T> outcome, Func<T, string> location, Func<T, TResponse> map) =>
        outcome.To(v => TypedResults.Created(location(v), map(v)));

    public static Results<NoContent, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>> ToNoContent<T>(this Outcome<T> outcome) =>
        outcome.To(_ => TypedResults.NoContent());
}
