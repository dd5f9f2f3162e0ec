using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Requests;

public sealed record PublicRequestAccepted(string Status);

/// <summary>The anonymous web form's API: rate-limited per client address, confirmed by a one-time email link.</summary>
public static class PublicRequestsApi
{
    public static IEndpointRouteBuilder MapPublicRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/requests").WithTags("Public requests").AllowAnonymous()
            .RequireRateLimiting(RequestOptions.PublicRateLimitPolicy);
        group.MapPost("/", SubmitAsync)
            .WithSummary("Submit a data-subject request (access, erasure …); a confirmation link is emailed to the given address.");
        group.MapGet("/confirm", ConfirmAsync).WithSummary("The emailed confirmation link; works once.");
        return app;
    }

    private static async Task<Results<Accepted<PublicRequestAccepted>, ValidationProblem>> SubmitAsync(
        PublicRequestInput input, RequestHandling handling, CancellationToken ct)
    {
        var outcome = await handling.SubmitPublicAsync(input, ct);
        return outcome.Request is not null
            ? TypedResults.Accepted((string?)null, new PublicRequestAccepted("confirmation_sent"))
            : outcome.Errors!.Problem();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ConfirmAsync(string? token, RequestHandling handling, CancellationToken ct)
    {
        var request = await handling.ConfirmEmailAsync(token, ct);
        return request is null
            ? TypedResults.NotFound()
            : TypedResults.Text(RequestLetters.Confirmed(request.Language), "text/plain; charset=utf-8");
    }
}
