using System.Text.Json;
using CustomerRegister.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// The one place where exceptions become ProblemDetails: malformed or oversized requests keep their 4xx status,
/// the few domain exceptions map to 400/404/409, anything else is a 500 that says nothing about the data.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(path)] = ["The value is not of the expected type or format."] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than this endpoint accepts."
                    : "The request could not be read: check that the body is valid JSON of the documented shape and that "
                      + "route and query values have the right types.",
            },
            ValidationException v => new HttpValidationProblemDetails(v.Errors) { Status = StatusCodes.Status400BadRequest },
            ConflictException c => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = c.Message },
            DbUpdateException { InnerException: { } inner } when IsUniqueViolation(inner) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "A record with the same unique value already exists.",
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The record was changed by someone else. Reload it and try again.",
            },
            KeyNotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Unexpected error" },
        };

        if (problem.Status >= 500)
        {
            // Exception messages can quote data; log the type and trace id only.
            logger.LogError("Unhandled {ExceptionType} for request {TraceId}", exception.GetType().FullName, context.TraceIdentifier);
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>"$.bankAccount" → "bankAccount"; "$.roles[1]" → "roles".</summary>
    private static string FieldOf(string jsonPath)
    {
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        var bracket = field.IndexOf('[');
        return bracket > 0 ? field[..bracket] : field;
    }

    private static bool IsUniqueViolation(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
