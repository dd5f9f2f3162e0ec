using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pdf;
using CustomerRegister.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace CustomerRegister.Vehicles;

/// <summary>
/// The printable scrapping certificate: the content Commission Decision 2002/151/EC lists (issuing facility, vehicle,
/// holder, date of issue, the statement that the vehicle was delivered for treatment) and never the owner's identity
/// code: the code identifies the owner to Traficom, and Tietosuojalaki § 29(4) keeps it off printed documents.
/// </summary>
public static class CertificatePdf
{
    public const string ContentType = "application/pdf";

    /// <summary>Vehicles registered in Finland (the deregistration is recorded with Traficom) carry the mark FIN.</summary>
    public const string NationalityMark = "FIN";

    public static string FileName(ScrappingCertificate c) =>
        string.Create(CultureInfo.InvariantCulture, $"romutustodistus-{Safe(c.CertificateNumber)}.pdf");

    /// <summary>Lays the certificate out in <paramref name="culture"/>'s language. Fonts load here, before anything is sent.</summary>
    public static PdfDocument Render(ScrappingCertificate c, CertificateIssuer issuer, CultureInfo culture)
    {
        PdfFontResolver.Register();
        string T(string key) => UiText.Get(key, culture);
        var document = new PdfDocument { Language = culture.TwoLetterISOLanguageName };
        document.Info.Title = $"{T("Reception.Pdf.Title")} {c.CertificateNumber}";
        document.Info.Author = issuer.Name;
        document.Options.CompressContentStreams = true;
        using (var p = new PdfLayout(document))
        {
            p.Heading(T("Reception.Pdf.Title"), 1);
            p.Paragraph(T("Reception.Pdf.Basis"));
            p.Pair(T("Reception.Field.CertificateNumber"), c.CertificateNumber);
            p.Pair(T("Reception.Pdf.IssueDate"), Display.Date(c.IssueDate));

            p.Heading(T("Reception.Pdf.Issuer"), 2);
            p.Pair(T("Reception.Pdf.IssuerName"), issuer.Name);
            p.Pair(T("Reception.Pdf.IssuerAddress"), issuer.Address ?? "–");
            p.Pair(T("Reception.Pdf.Permit"), issuer.PermitNumber ?? "–");
            p.Pair(T("Reception.Pdf.PermitAuthority"), issuer.PermitAuthority ?? "–");

            p.Heading(T("Reception.Pdf.Vehicle"), 2);
            p.Pair(T("Reception.Pdf.Registration"), $"{NationalityMark} {c.RegistrationNumber}");
            p.Pair(T("Reception.Field.Vin"), c.Vin);
            p.Pair(T("Reception.Field.Make"), c.Make);
            p.Pair(T("Reception.Field.Model"), c.Model);
            p.Pair(T("Reception.Field.VehicleClass"), c.VehicleClass);

            p.Heading(T("Reception.Pdf.Holder"), 2);
            p.Pair(T("Reception.Pdf.HolderName"), c.OwnerName);
            p.Pair(T("Reception.Pdf.HolderAddress"), Address(c) is { Length: > 0 } address ? address : "–");
            p.Pair(T("Reception.Field.Nationality"), c.OwnerNationality ?? "–");

            p.Heading(T("Reception.Pdf.StatementTitle"), 2);
            p.Paragraph(T("Reception.Pdf.Statement"));
            p.Paragraph(issuer.Name);
            p.Paragraph("\n\n______________________________________________");
            p.Paragraph(T("Reception.Pdf.SignatureLine"));
        }

        PdfLayout.Number(document, $"{T("Reception.Pdf.Title")} {c.CertificateNumber}", T("Reception.Pdf.Page"));
        return document;
    }

    public static string Address(ScrappingCertificate c) =>
        string.Join(", ", new[] { c.OwnerStreet, string.Join(' ', new[] { c.OwnerPostalCode, c.OwnerCity }.Where(s => !string.IsNullOrEmpty(s))) }
            .Where(s => !string.IsNullOrEmpty(s)));

    private static string Safe(string number) => new([.. number.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);
}

/// <summary>A laid-out certificate, ready to be written to a response.</summary>
public sealed class CertificatePrint(ScrappingCertificate certificate, PdfDocument document) : IDisposable
{
    public string FileName => CertificatePdf.FileName(certificate);

    public Task WriteAsync(Stream output, CancellationToken ct) => PdfOutput.WriteAsync(document, output, ct);

    public void Dispose() => document.Dispose();
}

/// <summary>
/// The printable certificate for the API (GET /api/vehicles/certificates/{id}/pdf) and the reception desk: read as the
/// certificate is read (audited), laid out in the language asked for (fi, sv or en; Finnish by default).
/// </summary>
public sealed class CertificatePrints(CertificateQueries queries, IOptions<VehiclesOptions> options)
{
    public async Task<Outcome<CertificatePrint>> RenderAsync(Guid id, string? language, CancellationToken ct)
    {
        if (language is not null && !Languages.IsSupported(language))
        {
            return Outcome.Invalid("lang", FieldMessages.OneOfLanguages);
        }

        if ((await queries.GetAsync(id, null, null, ct)).Value is not { } read)
        {
            return Outcome.Missing;
        }

        var culture = CultureInfo.GetCultureInfo(language ?? Languages.All[0]);
        return new CertificatePrint(read.Item, CertificatePdf.Render(read.Item, options.Value.Issuer, culture));
    }
}
