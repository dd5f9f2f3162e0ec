using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>The Art 15 access report for a verified request, and a preview by subject for the DPO.</summary>
public static class AccessReportApi
{
    public const string Action = "access_report.generate";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly IReadOnlyList<string> Formats = ["json", "html", "pdf"];

    public static IEndpointRouteBuilder MapAccessReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/requests/{id:guid}/access-report", ForRequestAsync).WithTags("Requests").RequirePermission(Permissions.RequestHandle)
            .WithSummary("The Art 15 access report (format=json|html|pdf, lang=fi|sv|en) for a matched, identity-verified access or portability request.");
        app.MapGet("/api/subjects/{id:guid}/access-report", ForSubjectAsync).WithTags("Requests").RequirePermission(Permissions.RequestHandle)
            .WithSummary("Preview of the access report of one person.");
        return app;
    }

    /// <summary>Why a request may not get a report yet, or null when it may.</summary>
    public static string? Refusal(DataSubjectRequest r) =>
        r.Type is not (RequestType.Access or RequestType.Portability) ? "Only access and portability requests get an access report."
        : r.State is RequestState.Refused or RequestState.Withdrawn or RequestState.Duplicate ? $"The request is {r.State}."
        : r.SubjectId is null ? "The request is not matched to a person yet."
        : r.IdentityVerifiedAt is null ? "The requester's identity has not been verified yet."
        : null;

    private static async Task<Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>>
        ForRequestAsync(Guid id, string? format, string? lang, RegisterDbContext db, AccessReportBuilder builder, AuditLog audit,
            IHttpContextAccessor http, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(format, lang) is { } problem)
        {
            return problem;
        }

        var request = await db.Set<DataSubjectRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        if (Refusal(request) is { } why)
        {
            return FieldConflict.Problem("state", why);
        }

        var report = await builder.BuildAsync(request.SubjectId!.Value, AccessReportTexts.Normalise(lang ?? request.Language), ct);
        var (kind, actor) = AuditLog.Actor(http.HttpContext?.User);
        db.Add(new RequestAction
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = kind,
            ActorId = actor,
            Action = "access_report_generated",
        });
        audit.Add(new AuditEntry(Action, Purposes.DataSubjectRights, request.SubjectId, RequestHandling.EntityType, request.Id.ToString(),
            report.Categories.Select(c => c.Id)));
        await db.SaveChangesAsync(ct);
        return Answer(report, format, ct);
    }

    private static async Task<Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>>
        ForSubjectAsync(Guid id, string? format, string? lang, RegisterDbContext db, AccessReportBuilder builder, AuditLog audit,
            CancellationToken ct)
    {
        if (Validate(format, lang) is { } problem)
        {
            return problem;
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var report = await builder.BuildAsync(id, AccessReportTexts.Normalise(lang), ct);
        await audit.WriteAsync(new AuditEntry(Action, Purposes.DataSubjectRights, id, "subject", id.ToString(),
            report.Categories.Select(c => c.Id)), ct);
        return Answer(report, format, ct);
    }

    private static ValidationProblem? Validate(string? format, string? lang)
    {
        var errors = new FieldErrors();
        if (format is not null && !Formats.Contains(format))
        {
            errors.Add("format", "One of json, html, pdf.");
        }

        if (lang is not null && !AccessReportTexts.Languages.Contains(lang))
        {
            errors.Add("lang", "One of fi, sv, en.");
        }

        return errors.Any ? errors.Problem() : null;
    }

    private static Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>> Answer(
        AccessReport report, string? format, CancellationToken ct)
    {
        switch (format)
        {
            case "html":
                return TypedResults.Content(AccessReportHtml.Render(report), "text/html; charset=utf-8");
            case "pdf":
                // Laid out before the response starts, so a layout or font failure is a plain error response.
                var document = AccessReportPdf.Render(report);
                return TypedResults.Stream(async body =>
                {
                    using (document)
                    {
                        await AccessReportPdf.WriteAsync(document, body, ct);
                    }
                }, AccessReportPdf.ContentType, AccessReportPdf.FileName(report));
            default:
                return TypedResults.Ok(report);
        }
    }
}
