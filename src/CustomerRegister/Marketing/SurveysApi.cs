using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record SurveyRequest(string? Name, DateOnly? Date);

public sealed record SurveyResponseBody(Guid Id, string Name, DateOnly Date, DateTime CreatedAt);

public sealed record SurveyAnswerRequest(Guid? SubjectId, DateTime? AnsweredAt, string? Answers, int? Score, string? Source);

public sealed record SurveyAnswerResponse(
    Guid Id, Guid SubjectId, Guid SurveyId, DateTime AnsweredAt, string Answers, int? Score, DataSource Source,
    DateTime CreatedAt, long Version);

public static class SurveysApi
{
    public const int MaxAnswersLength = 4000;
    public const int MinScore = 0;
    public const int MaxScore = 100;
    private const string Entity = "survey_response";

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/surveys", ListAsync);
        read.MapGet("/surveys/{id:guid}/responses", ResponsesAsync).WithSummary("Responses in recording order; page with ?after=<last id>.");
        read.MapGet("/subjects/{subjectId:guid}/survey-responses", OfSubjectAsync);

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/surveys", CreateAsync);
        write.MapPost("/surveys/{id:guid}/responses", RecordAsync);
        return app;
    }

    private static async Task<Ok<List<SurveyResponseBody>>> ListAsync(RegisterDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.Date).ThenBy(s => s.Name).ToListAsync(ct))
            .Select(ToBody).ToList());

    private static async Task<Results<Created<SurveyResponseBody>, ValidationProblem>> CreateAsync(
        SurveyRequest request, RegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        if (request.Date is null)
        {
            errors.Add("date", "Required.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var survey = new Survey { Id = Guid.CreateVersion7(), Name = name!, Date = request.Date!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/surveys/{survey.Id}", ToBody(survey));
    }

    private static async Task<Results<Created<SurveyAnswerResponse>, NotFound, ValidationProblem>> RecordAsync(
        Guid id, SurveyAnswerRequest request, RegisterDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", "Required.");
        }

        var answers = errors.Text("answers", request.Answers, MaxAnswersLength, required: true);
        if (request.Score is < MinScore or > MaxScore)
        {
            errors.Add("score", $"Between {MinScore} and {MaxScore}.");
        }

        var answeredAt = errors.Past("answeredAt", request.AnsweredAt, now);
        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var subjectId = request.SubjectId!.Value;
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return new FieldErrors().Add("subjectId", "No such subject.").Problem();
        }

        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            SurveyId = id,
            Source = source!.Value,
            AnsweredAt = answeredAt ?? now,
            Answers = answers!,
            Score = request.Score,
        };
        db.Add(response);
        audit.Add(new AuditEntry("marketing.survey.record", Purposes.MarketResearch, subjectId, Entity, response.Id.ToString(),
            Access.SetFields(db.Entry(response))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/subjects/{subjectId}/survey-responses", ToResponse(response));
    }

    private static async Task<Results<Ok<Page<SurveyAnswerResponse>>, NotFound, ValidationProblem>> ResponsesAsync(
        Guid id, Guid? after, int? limit, RegisterDbContext db, AuditLog audit, ProcessingLimits limits, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > Paging.MaxSize)
        {
            return new FieldErrors().Add("limit", $"Between 1 and {Paging.MaxSize}.").Problem();
        }

        if (!await db.Set<Survey>().AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        // Restricted people's answers (Art 18) stay out of the list for all but the DPO.
        var query = (await limits.VisibleAsync(db.Set<SurveyResponse>().AsNoTracking(), r => r.SubjectId)).Where(r => r.SurveyId == id);
        if (after is { } a)
        {
            query = query.Where(r => r.Id.CompareTo(a) > 0);
        }

        var rows = await query.OrderBy(r => r.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        await audit.WriteAsync(new AuditEntry("marketing.survey.list", Purposes.MarketResearch, EntityType: Entity, EntityId: id.ToString(),
            Fields: [Categories.Survey.Id]), ct);
        return TypedResults.Ok(new Page<SurveyAnswerResponse>(page.Select(ToResponse).ToList(), rows.Count > size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<List<SurveyAnswerResponse>>, NotFound>> OfSubjectAsync(
        Guid subjectId, RegisterDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await LoadAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.survey.read", Purposes.MarketResearch, subjectId, Entity,
            Fields: [Categories.Survey.Id]), ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<List<SurveyAnswerResponse>> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        (await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SubjectId == subjectId).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static SurveyResponseBody ToBody(Survey s) => new(s.Id, s.Name, s.Date, s.CreatedAt);

    private static SurveyAnswerResponse ToResponse(SurveyResponse r) => new(
        r.Id, r.SubjectId, r.SurveyId, r.AnsweredAt, r.Answers, r.Score, r.Source, r.CreatedAt, r.Version);
}
