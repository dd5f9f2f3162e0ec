using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Infrastructure;

/// <summary>A 409 that names the field in conflict, e.g. a duplicate unique number or a state that forbids the change.</summary>
public static class FieldConflict
{
    /// <summary>The 409; <paramref name="reason"/>, when given, is added as the machine-readable <c>reason</c>.</summary>
    public static Conflict<HttpValidationProblemDetails> Problem(string field, string message, string? reason = null)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
        };
        if (reason is not null)
        {
            problem.Extensions["reason"] = reason;
        }

        return TypedResults.Conflict(problem);
    }
}
