using CustomerRegister.Identity;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Erasure;

/// <summary>The erasure step of a request and its certificate.</summary>
public static class ErasureApi
{
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        var handle = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapPost("/{id:guid}/erase", (Guid id, VersionRequest r, ErasureHandling h, RequestHandling rh, CancellationToken ct) =>
                RequestsApi.Answer(rh, h.EraseAsync(id, r.Version, ct)))
            .WithSummary("Erase the person of a started, identity-verified erasure request: all or nothing; closes the request with a certificate.");
        handle.MapGet("/{id:guid}/erasure-certificate", async Task<Results<Ok<ErasureReport>, NotFound>> (
                Guid id, ErasureHandling h, CancellationToken ct) =>
                await h.CertificateAsync(id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .WithSummary("What was erased and what is kept until when and why — categories and counts, no personal values.");
        return app;
    }
}
