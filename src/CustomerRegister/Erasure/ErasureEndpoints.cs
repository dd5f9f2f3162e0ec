using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Requests;

namespace CustomerRegister.Erasure;

/// <summary>The erasure step of a request and its certificate.</summary>
public static class ErasureEndpoints
{
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        var handle = app.MapGroup("/api/requests").WithTags("Requests").RequirePermission(Permissions.RequestHandle);
        handle.MapGet("/{id:guid}/erasure-preview", async (Guid id, string? language, ErasureHandling h, CancellationToken ct) =>
                (await h.PreviewAsync(id, language, ct)).ToOk())
            .WithName("PreviewErasure")
            .WithSummary("The dry run: what erasing the request's person now would delete, empty, anonymise and keep (with the law and the "
                         + "due date), and who would be told. Writes nothing; 409 naming `type`, `subjectId` or `state` when there is nothing to preview.");
        handle.MapPost("/{id:guid}/erase", async (Guid id, VersionRequest r, ErasureHandling h, TimeProvider clock, CancellationToken ct) =>
                (await h.EraseAsync(id, r.Version, ct)).ToResponse(clock))
            .WithName("EraseRequestSubject")
            .WithSummary("Erase the person of a started, identity-verified erasure request: all or nothing; closes the request with a certificate.");
        handle.MapGet("/{id:guid}/erasure-certificate", async (Guid id, ErasureHandling h, CancellationToken ct) =>
                (await h.CertificateAsync(id, ct)).ToOk())
            .WithName("GetErasureCertificate")
            .WithSummary("What was erased and what is kept until when and why — categories and counts, no personal values.");
        return app;
    }
}
