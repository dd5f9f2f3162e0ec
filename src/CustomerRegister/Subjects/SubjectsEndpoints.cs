using System.Security.Claims;
using CustomerRegister.Audit;
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
        app.MapGet("/api/group/subjects/{id:guid}", async Task<Results<Ok<GroupSubjectResponse>, ValidationProblem, NotFound,
                    Conflict<HttpValidationProblemDetails>>> (Guid id, Access access, GroupCompanyQueries group, ClaimsPrincipal me,
                    CancellationToken ct) =>
                access.Purpose(Purposes.CustomerRelationship) is not { } purpose
                    ? Access.UnknownPurpose()
                    : (await group.GetAsync(id, AuditLog.Actor(me) is (AuditLog.ActorClient, { } client) ? client : null, purpose, ct)).ToOk())
            .WithTags("Group companies").RequirePermission(Permissions.GroupCompanyRead)
            .WithName("GetGroupSubject")
            .WithSummary("What the key's recipient may receive of the person (notice § 8), logged as a disclosure; X-Purpose names the purpose (default customer_relationship); 409 when the key names no recipient or it may receive nothing.");
        return app;
    }
}
