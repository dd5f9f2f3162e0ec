using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>
/// The ProblemDetails answers an operation can give, from what its endpoint declares: 400 for any input (a validation
/// problem naming the fields), 401 and 403 for a permission, 404 for a route parameter, 413 for a body, 429 for a rate
/// limit, and the statuses of its typed results (e.g. 409). Every 4xx is described as <c>application/problem+json</c>.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = EndpointFacts.Of(context.Description);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = context.Description.ParameterDescriptions;
        var hasBody = operation.RequestBody is not null;
        var responses = operation.Responses ??= [];

        var permission = endpoint.Permission;
        var statuses = new List<string>();
        if (hasBody || operation.Parameters is { Count: > 0 })
        {
            statuses.Add("400");
        }

        if (permission is not null)
        {
            statuses.AddRange(["401", "403"]);
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            statuses.Add("404");
        }

        if (hasBody)
        {
            statuses.Add("413");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            statuses.Add("429");
        }

        foreach (var status in statuses)
        {
            responses.TryAdd(status, new OpenApiResponse());
        }

        foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')).ToList())
        {
            if (response is OpenApiResponse problem)
            {
                AsProblem(problem, status, permission, context.Document);
            }
        }

        operation.Responses = Sorted(responses);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A 4xx answer's body is a ProblemDetails (a validation problem for 400), whatever the result type said, and its
    /// description says what it means here rather than the bare reason phrase.
    /// </summary>
    private static void AsProblem(OpenApiResponse response, string status, string? permission, OpenApiDocument? document)
    {
        var code = int.Parse(status, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(code))
        {
            response.Description = code switch
            {
                400 => "Bad input: a validation problem naming each field in `errors`.",
                401 => "Not signed in: no valid bearer token or API key.",
                403 when permission is not null => $"The caller lacks the permission `{permission}`, or must first enrol a second factor.",
                404 => "Not found, or not visible to the caller.",
                409 => "In conflict with the record's current state; the problem names the field.",
                413 => "The body is larger than the limit.",
                429 => "Too many requests; try again later.",
                _ => ReasonPhrases.GetReasonPhrase(code),
            };
        }

        var declared = response.Content?.Values.Select(m => m.Schema).OfType<OpenApiSchemaReference>()
            .FirstOrDefault(s => s.Reference.Id is Problem or ValidationProblem);
        var schema = declared?.Reference.Id ?? (status == "400" ? ValidationProblem : Problem);
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
        };
    }

    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sorted[status] = response;
        }

        return sorted;
    }
}
