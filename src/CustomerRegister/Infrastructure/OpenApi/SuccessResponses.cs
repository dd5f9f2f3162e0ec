using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>
/// The success of results that describe no status of their own: a file (<see cref="FileStreamHttpResult"/> and kin)
/// answers 200 with its bytes, a text (<see cref="ContentHttpResult"/>) 200 with plain text.
/// </summary>
internal sealed class SuccessResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var responses = operation.Responses ??= [];
        if (responses.Keys.Any(k => k.StartsWith('2')))
        {
            return Task.CompletedTask;
        }

        var declared = EndpointFacts.Of(context.Description).DeclaredResults();
        if (declared.Any(t => t == typeof(FileStreamHttpResult) || t == typeof(FileContentHttpResult) || t == typeof(PushStreamHttpResult)))
        {
            responses["200"] = new OpenApiResponse
            {
                Description = "The file, in the content type it was stored with; a Range request answers 206 with that part.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["*/*"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        }
        else if (declared.Contains(typeof(ContentHttpResult)))
        {
            responses["200"] = new OpenApiResponse
            {
                Description = "OK",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
        }

        return Task.CompletedTask;
    }
}
