using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CustomerRegister.Infrastructure;

/// <summary>
/// Applies the endpoint's body-size limit (or <c>Api:MaxRequestBodyBytes</c>, default 1 MiB) before anything
/// reads the body: a declared length above it answers 413 at once, a chunked body is cut off by the server.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _default = configuration.GetValue("Api:MaxRequestBodyBytes", 1L << 20);

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _default;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
