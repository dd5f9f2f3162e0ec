using CustomerRegister.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Infrastructure.Jobs;

/// <summary>Long work with progress: the job runner, and a job's status for the API (<c>/jobs/{id}</c> is its page).</summary>
public static class JobsFeature
{
    public static IServiceCollection AddJobsFeature(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundJobs>();
        services.AddScoped<JobQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapJobsFeature(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id:guid}", async Task<Results<Ok<JobResponse>, NotFound>> (Guid id, JobQueries jobs) =>
                await jobs.FindAsync(id) is { } job
                    ? TypedResults.Ok(JobResponse.From(job, "en"))
                    : TypedResults.NotFound())
            .WithTags("Jobs").RequirePermission(Permissions.AccountSelf)
            .WithName("GetJob").WithSummary("A long job's state: started, running (steps done of all), done (with the result's link) or failed (with the reason).");
        return app;
    }
}

/// <summary>A job's status for whoever may see it: a user without the job's permission gets nothing (as for a job that does not exist).</summary>
public sealed class JobQueries(BackgroundJobs jobs, Access access)
{
    public async Task<JobStatus?> FindAsync(Guid id) =>
        jobs.PermissionOf(id) is { } permission && await access.HasAsync(permission) ? jobs.Find(id) : null;
}
