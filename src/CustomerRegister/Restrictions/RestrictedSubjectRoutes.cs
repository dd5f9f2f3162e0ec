namespace CustomerRegister.Restrictions;

/// <summary>
/// The per-person lists under <c>/api/subjects/{subjectId}/…</c> (contact history, feedback, additional info, marketing
/// ledger, survey answers, event invitations, web events …) answer 404 for a restricted person (Art 18) to everyone
/// without <c>Restricted.Read</c>, like the other lists and single reads: one rule for every such route, present and
/// future. The subject picture (<c>/api/subjects/{id}</c>) is deliberately not covered: it shows the limit in force.
/// </summary>
public static class RestrictedSubjectRoutes
{
    public const string RouteValue = "subjectId";

    public static IApplicationBuilder UseRestrictedSubjectRoutes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)
                && context.GetEndpoint() is not null
                && context.Request.RouteValues.TryGetValue(RouteValue, out var value)
                && Guid.TryParse(value?.ToString(), out var subjectId)
                && await context.RequestServices.GetRequiredService<ProcessingLimits>().HidesAsync(subjectId, context.RequestAborted))
            {
                await Results.NotFound().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
