using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Marketing;

public static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/surveys", async (Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.ListAsync(ct)))
            .WithName("ListSurveys").WithSummary("Surveys, newest first.");
        read.MapGet("/surveys/{id:guid}", async Task<Results<Ok<SurveyResponseBody>, NotFound>> (Guid id, Surveys surveys, CancellationToken ct) =>
                await surveys.GetAsync(id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound())
            .WithName("GetSurvey").WithSummary("One survey (a name and a date).");
        read.MapGet("/surveys/{id:guid}/responses",
                (Guid id, Guid? after, int? limit, Surveys surveys, CancellationToken ct) => surveys.AnswersAsync(id, after, limit, ct).ToOkAsync())
            .WithName("ListSurveyResponses").WithSummary("Responses in recording order; page with ?after=<last id>.");
        read.MapGet("/subjects/{subjectId:guid}/survey-responses",
                (Guid subjectId, Surveys surveys, CancellationToken ct) => surveys.OfSubjectAsync(subjectId, ct).ToOkAsync())
            .WithName("ListSubjectSurveyResponses").WithSummary("The person's survey answers.");

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/surveys", async (SurveyRequest request, Surveys surveys, CancellationToken ct) =>
                (await surveys.CreateAsync(request, ct)).ToCreated(s => $"/api/surveys/{s.Id}", s => s))
            .WithName("CreateSurvey").WithSummary("Create a survey (a name and a date).");
        write.MapPost("/surveys/{id:guid}/responses", async (Guid id, SurveyAnswerRequest request, Surveys surveys, CancellationToken ct) =>
                (await surveys.RecordAnswerAsync(id, request, ct)).ToCreated(r => $"/api/subjects/{r.SubjectId}/survey-responses", r => r))
            .WithName("RecordSurveyResponse").WithSummary("Record a person's answers to the survey, with their source.");
        return app;
    }
}
