using System.Text;
using System.Text.Json;
using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pdf;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;

namespace CustomerRegister.Requests;

/// <summary>
/// The Art 15 access report in a format (json, html, pdf) and a language, with its audit event: one use case for the API,
/// the pages and the command line. The report of a request is logged on the request and audited on it with the
/// categories it holds; the DPO's preview by subject is audited on the person.
/// </summary>
public sealed class AccessReports(
    RegisterDbContext db, AuditLog audit, AccessReportBuilder builder, RequestSteps steps)
{
    private static readonly LocalText OnlyAccess = new(
        "Vain tarkastus- ja siirtopyynnöille laaditaan tarkastusraportti.",
        "Endast begäranden om insyn och dataportabilitet får en insynsrapport.",
        "Only access and portability requests get an access report.");

    private static readonly LocalText Closed = new(
        "Pyyntö on suljettu.",
        "Begäran är avslutad.",
        "The request is {0}.");

    public const string Action = "access_report.generate";

    public static readonly IReadOnlyList<string> Formats = ["json", "html", "pdf"];

    /// <summary>Whether the requester proved who they are strongly enough to receive the protected codes in full.</summary>
    public static bool StronglyIdentified(DataSubjectRequest r) => r.IdentityMethod == IdentityMethod.StrongElectronicIdentification;

    /// <summary>Why a request may not get a report yet, or null when it may.</summary>
    public static LocalText? Refusal(DataSubjectRequest r) =>
        r.Type is not (RequestType.Access or RequestType.Portability) ? OnlyAccess
        : r.State is RequestState.Refused or RequestState.Withdrawn or RequestState.Duplicate ? Closed.Format(r.State)
        : r.SubjectId is null ? RequestRules.NotMatched
        : r.IdentityVerifiedAt is null ? RequestRules.NotVerified
        : null;

    /// <summary>
    /// The report of a matched, identity-verified access or portability request, in the request's language unless
    /// <paramref name="language"/> is given.
    /// </summary>
    public async Task<Outcome<AccessReportDocument>> ForRequestAsync(Guid requestId, string? format, string? language, CancellationToken ct)
    {
        if (Invalid(format, language) is { } invalid)
        {
            return invalid;
        }

        var request = await db.Set<DataSubjectRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Outcome.Missing;
        }

        if (Refusal(request) is { } why)
        {
            return Outcome.Conflict("state", why);
        }

        // The protected codes in full only to a requester identified strongly; otherwise masked, with the letter saying why.
        var report = await builder.BuildAsync(request.SubjectId!.Value, Languages.Normalize(language ?? request.Language),
            StronglyIdentified(request), request.RequesterName, ct);
        steps.Record(request, "access_report_generated", null);
        audit.Add(new AuditEntry(Action, Purposes.DataSubjectRights, request.SubjectId, RequestSteps.EntityType, request.Id.ToString(),
            report.Categories.Select(c => c.Id)));
        await db.SaveChangesAsync(ct);
        return AccessReportDocument.Render(report, format);
    }

    /// <summary>The DPO's preview of one person's report.</summary>
    public async Task<Outcome<AccessReportDocument>> ForSubjectAsync(Guid subjectId, string? format, string? language, CancellationToken ct)
    {
        if (Invalid(format, language) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Set<Subject>().AnyAsync(s => s.Id == subjectId, ct))
        {
            return Outcome.Missing;
        }

        var report = await builder.BuildAsync(subjectId, Languages.Normalize(language), ct);
        await audit.WriteAsync(new AuditEntry(Action, Purposes.DataSubjectRights, subjectId, "subject", subjectId.ToString(),
            report.Categories.Select(c => c.Id)), ct);
        return AccessReportDocument.Render(report, format);
    }

    /// <summary>The report of a request, or when <paramref name="id"/> names no request, the preview of a person (the command line).</summary>
    public async Task<Outcome<AccessReportDocument>> ForRequestOrSubjectAsync(Guid id, string? format, string? language, CancellationToken ct) =>
        await db.Set<DataSubjectRequest>().AnyAsync(r => r.Id == id, ct)
            ? await ForRequestAsync(id, format, language, ct)
            : await ForSubjectAsync(id, format, language, ct);

    private static Failure? Invalid(string? format, string? language)
    {
        var errors = new FieldErrors();
        if (format is not null && !Formats.Contains(format))
        {
            errors.Add("format", FieldMessages.OneOf(Formats));
        }

        if (language is not null && !Languages.All.Contains(language))
        {
            errors.Add("lang", FieldMessages.OneOfLanguages);
        }

        return errors.Any ? Outcome.Invalid(errors) : null;
    }
}

/// <summary>
/// The access report rendered in one format. A PDF is laid out when it is made, so a layout or font failure happens before
/// anything is sent; dispose the document after writing it.
/// </summary>
public sealed class AccessReportDocument : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly PdfDocument? _pdf;

    private readonly string? _html;

    private AccessReportDocument(AccessReport report, string format, PdfDocument? pdf, string? html)
    {
        Report = report;
        Format = format;
        _pdf = pdf;
        _html = html;
    }

    public AccessReport Report { get; }

    /// <summary>json, html or pdf.</summary>
    public string Format { get; }

    /// <summary>The JSON (indented) or HTML text; null for a PDF.</summary>
    public string? Text => Format switch
    {
        "json" => JsonSerializer.Serialize(Report, Json),
        _ => _html,
    };

    public string ContentType => Format switch
    {
        "html" => "text/html; charset=utf-8",
        "pdf" => AccessReportPdf.ContentType,
        _ => "application/json; charset=utf-8",
    };

    public string FileName => _pdf is null ? $"access-report.{Format}" : AccessReportPdf.FileName(Report);

    public static AccessReportDocument Render(AccessReport report, string? format) => format switch
    {
        "html" => new(report, "html", null, AccessReportHtml.Render(report)),
        "pdf" => new(report, "pdf", AccessReportPdf.Render(report), null),
        _ => new(report, "json", null, null),
    };

    /// <summary>Writes the document (a PDF without buffering the whole file) to <paramref name="output"/>.</summary>
    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        if (_pdf is not null)
        {
            await PdfOutput.WriteAsync(_pdf, output, ct);
            return;
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(Text!), ct);
    }

    public void Dispose() => _pdf?.Dispose();
}
