using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Subjects;

public static class SubjectsEndpoints
{
    public static IEndpointRouteBuilder MapSubjects(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/subjects/{id:guid}", async Task<Results<Ok<SubjectPicture>, NotFound>> (
                    Guid id, SubjectPictures pictures, CancellationToken ct) =>
                await pictures.GetAsync(id, ct) is { } picture ? TypedResults.Ok(picture) : TypedResults.NotFound())
            .WithTags("Subjects").RequirePermission(Permissions.CustomerRead)
            .WithName("GetSubject").WithSummary("Everything the register holds on one person that the caller may see.");
        return app;
    }

    /// <summary>A group company's scoped read; see <see cref="GroupCompanyQueries"/>.</summary>
    public static IEndpointRouteBuilder MapGroupCompany(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/group/subjects/{id:guid}", async Task<Results<Ok<GroupSubjectResponse>, NotFound, ValidationProblem>> (
                    Guid id, Access access, GroupCompanyQueries group, CancellationToken ct) =>
                access.Purpose(Purposes.CustomerRelationship) is not { } purpose
                    ? Access.UnknownPurpose()
                    : await group.GetAsync(id, purpose, ct) is { IsOk: true } outcome ? TypedResults.Ok(outcome.Value!) : TypedResults.NotFound())
            .WithTags("Group companies").RequirePermission(Permissions.GroupCompanyRead)
            .WithName("GetGroupSubject")
            .WithSummary("The contact details disclosed to group companies (notice § 8); X-Purpose names the purpose (default customer_relationship).");
        return app;
    }
}
