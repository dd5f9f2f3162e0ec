using CustomerRegister.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CustomerRegister.Infrastructure.OpenApi;

/// <summary>
/// Each operation's security from its endpoint's permission: a bearer token (when some role grants the permission) or
/// an API key carrying it; an anonymous operation declares none. The cookie of the pages opens no API operation.
/// </summary>
internal sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = EndpointFacts.Of(context.Description);
        operation.Security = [];
        if (endpoint.Permission is not { } permission)
        {
            return Task.CompletedTask;
        }

        if (Roles.All.Any(role => Roles.Grants([role], permission)))
        {
            operation.Security.Add(Requirement(ApiDocumentInfo.Bearer, permission, context.Document));
        }

        operation.Security.Add(Requirement(ApiDocumentInfo.ApiKey, permission, context.Document));
        return Task.CompletedTask;
    }

    /// <summary>OpenAPI 3.1 lets a non-OAuth requirement list the roles it needs: here the permission.</summary>
    private static OpenApiSecurityRequirement Requirement(string scheme, string permission, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [permission] };
}
