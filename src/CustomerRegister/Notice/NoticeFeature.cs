using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace CustomerRegister.Notice;

public sealed record NoticeVersionResponse(int Number, DateTime PublishedAt, DateTime? Until);

/// <summary>The notice in force with the list of every version, newest first.</summary>
public sealed record NoticeResponse(int Number, DateTime PublishedAt, NoticeDocument Document, IReadOnlyList<NoticeVersionResponse> Versions);

/// <summary>
/// The published privacy notice: <c>/tietosuoja</c> (Finnish, or the visitor's chosen language), <c>/dataskydd</c>
/// (Swedish), <c>/privacy</c> (English), any of them with <c>?lang=fi|sv|en</c>; its versions at
/// <c>/tietosuoja/versiot</c> and <c>/tietosuoja/versiot/{n}</c>; the same as JSON under <c>/api/notice</c>. No sign-in.
/// </summary>
public static class NoticeFeature
{
    public static IServiceCollection AddNoticeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection(NoticeOptions.Section));
        services.AddSingleton<NoticeWriter>();
        services.AddScoped<NoticeVersions>();
        services.AddScoped<ProcessingRecords>();
        services.AddScoped<IStartupStep, NoticeStartup>();
        services.PostConfigure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new NoticeCultureProvider()));
        return services;
    }

    public static IEndpointRouteBuilder MapNoticeFeature(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notice").WithTags("Privacy notice").AllowAnonymous();
        group.MapGet("", async Task<Results<Ok<NoticeResponse>, ValidationProblem>> (string? lang, NoticeVersions versions, CancellationToken ct) =>
            {
                if (BadLanguage(lang) is { } bad)
                {
                    return bad;
                }

                var current = await versions.CurrentAsync(Languages.Normalize(lang), ct);
                var list = await versions.ListAsync(ct);
                return TypedResults.Ok(new NoticeResponse(current.Number, current.PublishedAt, current.Document,
                    [.. list.Select(v => new NoticeVersionResponse(v.Number, v.PublishedAt, v.Until))]));
            })
            .WithName("GetNotice")
            .WithSummary("The privacy notice in force (lang=fi|sv|en) with its version number and date, and every version with the time it was in force.");
        group.MapGet("/versions/{number:int}", async Task<Results<Ok<PublishedNotice>, ValidationProblem, NotFound>> (
                int number, string? lang, NoticeVersions versions, CancellationToken ct) =>
            {
                if (BadLanguage(lang) is { } bad)
                {
                    return bad;
                }

                return await versions.GetAsync(number, Languages.Normalize(lang), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();
            })
            .WithName("GetNoticeVersion").WithSummary("One version of the privacy notice as it was published (lang=fi|sv|en).");
        app.MapGet("/api/catalog/record", async Task<Results<Ok<ProcessingRecord>, FileContentHttpResult, ValidationProblem>> (string? format, string? lang, ProcessingRecords records, CancellationToken ct) =>
            {
                var record = await records.BuildAsync(Languages.Normalize(lang), ct);
                return format switch
                {
                    null or "json" => TypedResults.Ok(record),
                    "csv" => TypedResults.File(ProcessingRecordFiles.Csv(record), ProcessingRecordFiles.CsvType, ProcessingRecordFiles.FileName(record, "csv")),
                    "pdf" => TypedResults.File(ProcessingRecordFiles.Pdf(record), ProcessingRecordFiles.PdfType, ProcessingRecordFiles.FileName(record, "pdf")),
                    _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["json, csv or pdf"] }),
                };
            })
            .WithTags("Catalog").WithName("GetProcessingRecord")
            .WithSummary("The record of processing activities (GDPR Art 30) from the catalogue and configuration (format=json|csv|pdf, lang=fi|sv|en).")
            .RequirePermission(Permissions.CatalogRead);
        return app;
    }

    private static ValidationProblem? BadLanguage(string? lang) =>
        lang is null || Languages.IsSupported(lang)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["fi, sv or en"] });
}

/// <summary>
/// The notice's own addresses choose its language: <c>/dataskydd</c> Swedish, <c>/privacy</c> English, and
/// <c>?lang=</c> on any of the notice's addresses; otherwise the visitor's choice (cookie) or Finnish.
/// </summary>
public sealed class NoticeCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        string? language = null;
        if (path.StartsWithSegments("/dataskydd", StringComparison.OrdinalIgnoreCase))
        {
            language = "sv";
        }
        else if (path.StartsWithSegments("/privacy", StringComparison.OrdinalIgnoreCase))
        {
            language = "en";
        }

        if ((language is not null || path.StartsWithSegments("/tietosuoja", StringComparison.OrdinalIgnoreCase))
            && httpContext.Request.Query["lang"].ToString() is { } asked && Languages.IsSupported(asked))
        {
            language = asked;
        }

        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}
