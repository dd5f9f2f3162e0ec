using CustomerRegister.Infrastructure.OpenApi;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) as a client generator needs it: security schemes and each operation's
/// security, the ProblemDetails answers, the multipart forms read by hand, tag descriptions. Everything is derived from
/// the endpoints' metadata, so an endpoint is described by what it declares (permission, parameters, body, rate limit,
/// typed results), never by hand. <c>tools/openapi-lint</c> lints the result (OpenApiLintTests).
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddRegisterOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentInfo>();
            o.AddOperationTransformer<UploadForms>();
            o.AddOperationTransformer<OperationSecurity>();
            o.AddOperationTransformer<SuccessResponses>();
            o.AddOperationTransformer<ProblemResponses>();
        });
}
