using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

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
        ForRequestAsync(Guid id, string? format, string? lang, RequestReading reading, CancellationToken ct) =>
        Validate(format, lang) is { } problem ? problem : Answer(await reading.AccessReportAsync(id, lang, ct), format, ct);

    private static async Task<Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>>>
        ForSubjectAsync(Guid id, string? format, string? lang, RequestReading reading, CancellationToken ct) =>
        Validate(format, lang) is { } problem ? problem : Answer(await reading.SubjectAccessReportAsync(id, lang, ct), format, ct);

    private static ValidationProblem? Validate(string? format, string? lang)
    {
        var errors = new FieldErrors();
        if (format is not null && !Formats.Contains(format))
        {
            errors.Add("format", "One of json, html, pdf.");
        }

        if (lang is not null && !Languages.All.Contains(lang))
        {
            errors.Add("lang", "One of fi, sv, en.");
        }

        return errors.Any ? errors.Problem() : null;
    }

    private static Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult, NotFound, ValidationProblem, Conflict<HttpValidationProblemDetails>> Answer(
        ReadOutcome<AccessReport> outcome, string? format, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Refusal is { } why)
        {
            return FieldConflict.Problem("state", why);
        }

        var report = outcome.Value!;
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
