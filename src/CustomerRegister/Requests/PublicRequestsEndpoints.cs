using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Requests;

public sealed record PublicRequestAccepted(string Status);

public sealed record ConfirmInput(string? Token);

/// <summary>The anonymous web form's API: rate-limited per client address, confirmed by a one-time email link.</summary>
public static class PublicRequestsEndpoints
{
    public static IEndpointRouteBuilder MapPublicRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/requests").WithTags("Public requests").AllowAnonymous()
            .RequireRateLimiting(RequestOptions.PublicRateLimitPolicy);
        group.MapPost("/", SubmitAsync).WithName("SubmitPublicRequest")
            .WithSummary("Submit a data-subject request (access, erasure …); a confirmation link is emailed to the given address.");
        group.MapPost("/confirm", ConfirmAsync).WithName("ConfirmPublicRequest")
            .WithSummary("Confirm with the token of the emailed link (which opens /rights/confirm); works once, within Requests:UnconfirmedDays.");
        return app;
    }

    private static async Task<Results<Accepted<PublicRequestAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        PublicRequestInput input, RequestIntake intake, CancellationToken ct)
    {
        var outcome = await intake.SubmitPublicAsync(input, ct);
        return outcome.Errors is { } errors ? errors.Problem()
            : outcome.Value!.IsBusy ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: "The form takes no more requests this hour. Try again later or write to the customer-service mailbox.")
            : TypedResults.Accepted((string?)null, new PublicRequestAccepted("confirmation_sent"));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ConfirmAsync(ConfirmInput input, RequestIntake intake, CancellationToken ct)
    {
        var request = await intake.ConfirmEmailAsync(input.Token, ct);
        return request is null
            ? TypedResults.NotFound()
            : TypedResults.Text(RequestLetters.Confirmed(request.Language), "text/plain; charset=utf-8");
    }
}
