using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Restrictions;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Marketing;

public sealed record SurveyRequest(string? Name, DateOnly? Date);

public sealed record SurveyResponseBody(Guid Id, string Name, DateOnly Date, DateTime CreatedAt);

public sealed record SurveyAnswerRequest(Guid? SubjectId, DateTime? AnsweredAt, string? Answers, int? Score, string? Source);

public sealed record SurveyAnswerResponse(
    Guid Id, Guid SubjectId, Guid SurveyId, DateTime AnsweredAt, string Answers, int? Score, DataSource Source,
    DateTime CreatedAt, long Version);

/// <summary>An answer with the respondent's name, as the survey's page lists it.</summary>
public sealed record SurveyAnswerRow(SurveyAnswerResponse Answer, string Name);

/// <summary>Customer surveys (market research): create a survey, record a person's answers, read them.</summary>
public sealed class Surveys(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, TimeProvider clock)
{
    public const int MaxAnswersLength = 4000;
    public const int MinScore = 0;
    public const int MaxScore = 100;
    private const string Entity = "survey_response";

    public async Task<List<SurveyResponseBody>> ListAsync(CancellationToken ct) =>
        (await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.Date).ThenBy(s => s.Name).ToListAsync(ct)).Select(ToBody).ToList();

    /// <summary>One survey (not personal), or null.</summary>
    public async Task<SurveyResponseBody?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? ToBody(s) : null;

    public async Task<Outcome<SurveyResponseBody>> CreateAsync(SurveyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 200, required: true);
        if (request.Date is null)
        {
            errors.Add("date", FieldMessages.Required);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var survey = new Survey { Id = Guid.CreateVersion7(), Name = name!, Date = request.Date!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return ToBody(survey);
    }

    public async Task<Outcome<SurveyAnswerResponse>> RecordAnswerAsync(Guid surveyId, SurveyAnswerRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (request.SubjectId is null)
        {
            errors.Add("subjectId", FieldMessages.Required);
        }

        var answers = errors.Text("answers", request.Answers, MaxAnswersLength, required: true);
        if (request.Score is < MinScore or > MaxScore)
        {
            errors.Add("score", FieldMessages.Between(MinScore, MaxScore));
        }

        var answeredAt = errors.Past("answeredAt", request.AnsweredAt, now);
        var source = errors.Source(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var subjectId = request.SubjectId!.Value;
        if (!await db.Set<Survey>().AnyAsync(s => s.Id == surveyId, ct))
        {
            return Outcome.Missing;
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return Outcome.Invalid("subjectId", FieldMessages.NoSuchSubject);
        }

        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subjectId,
            SurveyId = surveyId,
            Source = source!.Value,
            AnsweredAt = answeredAt ?? now,
            Answers = answers!,
            Score = request.Score,
        };
        db.Add(response);
        audit.Add(new AuditEntry("marketing.survey.record", Purposes.MarketResearch, subjectId, Entity, response.Id.ToString(),
            Access.SetFields(db.Entry(response))));
        await db.SaveChangesAsync(ct);
        return ToResponse(response);
    }

    /// <summary>A survey's answers in recording order, a page at a time; restricted people's answers (Art 18) left out for all but the DPO.</summary>
    public async Task<Outcome<Page<SurveyAnswerResponse>>> AnswersAsync(Guid surveyId, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        if (!await db.Set<Survey>().AnyAsync(s => s.Id == surveyId, ct))
        {
            return Outcome.Missing;
        }

        var query = (await limits.VisibleAsync(db.Set<SurveyResponse>().AsNoTracking(), r => r.SubjectId)).Where(r => r.SurveyId == surveyId);
        var page = await query.ByIdAsync(after, size, ToResponse, ct);
        await audit.WriteAsync(new AuditEntry("marketing.survey.list", Purposes.MarketResearch, EntityType: Entity, EntityId: surveyId.ToString(),
            Fields: [Categories.Survey.Id]), ct);
        return page;
    }

    /// <summary>A page of the survey's answers (as <see cref="AnswersAsync"/>, audited the same way) with each respondent's name.</summary>
    public async Task<Outcome<Page<SurveyAnswerRow>>> AnswerRowsAsync(Guid surveyId, Guid? after, int? limit, CancellationToken ct)
    {
        var outcome = await AnswersAsync(surveyId, after, limit, ct);
        if (outcome.Value is not { } page)
        {
            return outcome.NotFound ? Outcome.Missing : Outcome.Invalid(outcome.Errors!);
        }

        var names = await SubjectNames.OfAsync(db, [.. page.Items.Select(a => a.SubjectId)], ct);
        return new Page<SurveyAnswerRow>([.. page.Items.Select(a => new SurveyAnswerRow(a, names.GetValueOrDefault(a.SubjectId) ?? "–"))], page.NextAfter);
    }

    public async Task<Outcome<List<SurveyAnswerResponse>>> OfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return Outcome.Missing;
        }

        var rows = await LoadAsync(db, subjectId, ct);
        await audit.WriteAsync(new AuditEntry("marketing.survey.read", Purposes.MarketResearch, subjectId, Entity,
            Fields: [Categories.Survey.Id]), ct);
        return rows;
    }

    /// <summary>A person's answers without an audit event of their own (the caller writes it, e.g. the subject picture).</summary>
    public static async Task<List<SurveyAnswerResponse>> LoadAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct) =>
        (await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SubjectId == subjectId).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(ToResponse).ToList();

    private static SurveyResponseBody ToBody(Survey s) => new(s.Id, s.Name, s.Date, s.CreatedAt);

    private static SurveyAnswerResponse ToResponse(SurveyResponse r) => new(
        r.Id, r.SubjectId, r.SurveyId, r.AnsweredAt, r.Answers, r.Score, r.Source, r.CreatedAt, r.Version);
}
