using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRegister.Marketing.OptOut;

public sealed record OptOutAnswer(string Result);

/// <summary>
/// The opt-out link's API: the same use case as the page's button, for a mail client's one-click unsubscribe
/// (RFC 8058: <c>List-Unsubscribe: &lt;…/api/public/optout/{token}&gt;</c> with <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>),
/// which posts without the page's antiforgery token. Anonymous (the token is the authority; a forged cross-site post
/// would need it too); presses of a token that opens are limited per client address, as on the page.
/// </summary>
public static class OptOutEndpoints
{
    public const string OneClickPath = "/api/public/optout/";

    public static IEndpointRouteBuilder MapOptOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(OneClickPath + "{token}", RefuseAsync).WithTags("Public opt-out").AllowAnonymous().DisableAntiforgery()
            .WithName("OptOutOneClick")
            .WithSummary("Refuse through an opt-out link's token: a prohibition for its channel and purpose, or an objection to profiling. "
                + "Answers recorded or already_in_force; 404 for an expired, tampered or unknown-person token alike; 429 beyond Marketing:OptOut:PermitLimit.")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
        return app;
    }

    private static async Task<Results<Ok<OptOutAnswer>, NotFound, ProblemHttpResult>> RefuseAsync(
        string token, OptOuts optOuts, OptOutLimits limits, HttpContext http, CancellationToken ct)
    {
        // Only a token that opens costs a press: checking one is cheap, recording is what the limit protects.
        if (optOuts.Read(token) is null)
        {
            return TypedResults.NotFound();
        }

        if (!limits.Acquire(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: "Too many opt-out presses from this address. Try again after the time in Retry-After.");
        }

        return await optOuts.RefuseAsync(token, ct) switch
        {
            OptOutResult.Recorded => TypedResults.Ok(new OptOutAnswer("recorded")),
            OptOutResult.AlreadyInForce => TypedResults.Ok(new OptOutAnswer("already_in_force")),
            _ => TypedResults.NotFound(),
        };
    }
}
