using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Requests;

/// <summary>The Art 15 access report for a verified request, and a preview by subject for the DPO.</summary>
public static class AccessReportEndpoints
{
    public static IEndpointRouteBuilder MapAccessReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/requests/{id:guid}/access-report", async (Guid id, string? format, string? lang, AccessReports reports, HttpContext http, CancellationToken ct) =>
                Answer(await reports.ForRequestAsync(id, format, lang, ct), http, ct))
            .WithTags("Requests").RequirePermission(Permissions.RequestHandle).WithName("GetAccessReport")
            .WithSummary("The Art 15 access report (format=json|html|pdf, lang=fi|sv|en) for a matched, identity-verified access or portability request.");
        app.MapGet("/api/subjects/{id:guid}/access-report", async (Guid id, string? format, string? lang, AccessReports reports, HttpContext http, CancellationToken ct) =>
                Answer(await reports.ForSubjectAsync(id, format, lang, ct), http, ct))
            .WithTags("Requests").RequirePermission(Permissions.RequestHandle).WithName("PreviewAccessReport")
            .WithSummary("Preview of the access report of one person.");
        return app;
    }

    private static Results<Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult>, ValidationProblem, NotFound, Conflict<HttpValidationProblemDetails>>
        Answer(Outcome<AccessReportDocument> outcome, HttpContext http, CancellationToken ct) =>
        outcome.To(d => Document(d, http, ct));

    private static Results<Ok<AccessReport>, ContentHttpResult, PushStreamHttpResult> Document(AccessReportDocument document, HttpContext http, CancellationToken ct)
    {
        switch (document.Format)
        {
            case "html":
                http.Response.Headers.ContentSecurityPolicy = AccessReportHtml.ContentSecurityPolicy;
                return TypedResults.Content(document.Text, document.ContentType);
            case "pdf":
                // Laid out before the response starts (by the use case), so a layout or font failure is a plain error response.
                return TypedResults.Stream(async body =>
                {
                    using (document)
                    {
                        await document.WriteAsync(body, ct);
                    }
                }, document.ContentType, document.FileName);
            default:
                return TypedResults.Ok(document.Report);
        }
    }
}
