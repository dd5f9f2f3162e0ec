using System.Globalization;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Profiling;

/// <summary>Profiling: run it now (at once, or as a job), its runs, and one person's results in words.</summary>
public static class ProfilingEndpoints
{
    public static IEndpointRouteBuilder MapProfiling(this IEndpointRouteBuilder app)
    {
        var dpo = app.MapGroup("/api/profiling").WithTags("Profiling").RequirePermission(Permissions.RequestHandle);
        dpo.MapPost("/run", async (ProfilingRunner runner, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await runner.RunAsync(ProfilingJobs.TriggerOf(http.User), null, null, ct)))
            .WithName("RunProfiling").WithSummary("Profile every customer now and answer with the run's counts (people with a restriction or an objection to profiling left out).");
        dpo.MapPost("/runs", (ProfilingJobs jobs, HttpContext http) =>
            {
                var job = jobs.Start(http.User);
                return TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, "en"));
            })
            .WithName("StartProfiling").WithSummary("Start a profiling run in the background (one at a time); follow it at /api/jobs/{id}.");
        dpo.MapGet("/runs", async (int? limit, ProfileQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RunsAsync(limit, ct)))
            .WithName("ListProfilingRuns").WithSummary("The latest profiling runs with their counts.");

        app.MapGet("/api/subjects/{subjectId:guid}/profile", ProfileAsync).WithTags("Profiling").RequirePermission(Permissions.MarketingRead)
            .WithName("GetSubjectProfile").WithSummary("The person's segment and service interests, each with its inputs, rule and explanation in words (for marketing selection only).");
        return app;
    }

    private static async Task<Ok<SubjectProfile>> ProfileAsync(Guid subjectId, string? lang, ProfileQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.OfAsync(subjectId, lang is "sv" or "en" ? lang : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "sv" or "en" ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "fi", ct));
}
