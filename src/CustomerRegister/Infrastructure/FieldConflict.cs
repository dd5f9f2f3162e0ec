using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Infrastructure;

/// <summary>A 409 that names the field in conflict, e.g. a duplicate unique number or a state that forbids the change.</summary>
public static class FieldConflict
{
    public static Conflict<HttpValidationProblemDetails> Problem(string field, string message) =>
        TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
        });
}
