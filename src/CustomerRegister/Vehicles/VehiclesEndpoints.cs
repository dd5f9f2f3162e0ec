using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;

namespace CustomerRegister.Vehicles;

/// <summary>Vehicle scrapping certificates: binding and answers only.</summary>
public static class VehiclesEndpoints
{
    public static IEndpointRouteBuilder MapVehicles(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/vehicles/certificates").WithTags("Vehicles").RequirePermission(Permissions.VehicleRead);
        read.MapGet("/{id:guid}", (Guid id, string? reveal, Access access, CertificateQueries queries, CancellationToken ct) =>
                RevealedReads.AnswerAsync(access, purpose => queries.GetAsync(id, reveal, purpose, ct), (certificate, code) => certificate.ToResponse(code)))
            .WithName("GetVehicleCertificate").WithSummary(
            "One certificate, identity code masked. ?reveal=identityCode with X-Purpose: legal_obligation shows it (IdentityCode.Reveal, audited).");
        read.MapGet("/{id:guid}/pdf", async (Guid id, string? lang, CertificatePrints prints, CancellationToken ct) =>
                (await prints.RenderAsync(id, lang, ct)).To(print => TypedResults.Stream(async body =>
                {
                    using (print)
                    {
                        await print.WriteAsync(body, ct);
                    }
                }, CertificatePdf.ContentType, print.FileName)))
            .WithName("GetVehicleCertificatePdf").WithSummary(
                "The printable certificate (lang=fi|sv|en) with the content Decision 2002/151/EC lists and without the identity code (audited read).");

        var write = app.MapGroup("/api/vehicles/certificates").WithTags("Vehicles").RequirePermission(Permissions.VehicleWrite);
        app.MapGet("/api/vehicles/desk/today", async (ReceptionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.TodayAsync(ct)))
            .WithTags("Vehicles").RequirePermission(Permissions.VehicleWrite)
            .WithName("GetReceptionDay").WithSummary(
                "The scrap-yard desk's day (Helsinki date): the certificates issued and the metal credits paid (count and total; the rows only with Billing.Read).");
        write.MapPost("/", async (CertificateRequest request, IssueCertificate issue, CancellationToken ct) =>
                (await issue.RunAsync(request, ct)).ToCreated(c => $"/api/vehicles/certificates/{c.Id}", c => c.ToResponse()))
            .WithName("IssueVehicleCertificate").WithSummary("Issue a scrapping certificate. A duplicate number answers 409.");
        write.MapPost("/{id:guid}/deregistration", async (Guid id, DeregistrationRequest request, RecordDeregistration record, CancellationToken ct) =>
                (await record.RunAsync(id, request, ct)).ToOk(c => c.ToResponse()))
            .WithName("RecordVehicleDeregistration").WithSummary(
                "Record the vehicle's deregistration (date, version): the owner's identity code is emptied at once; the certificate stays.");
        write.MapPost("/find-by-identity-code", async (IdentityCodeQuery query, Access access, CertificateQueries queries, CancellationToken ct) =>
                (await queries.FindByIdentityCodeAsync(query.IdentityCode, access.Purpose(Purposes.LegalObligation), ct))
                .ToOk(found => found.Select(c => c.ToResponse()).ToList()))
            .WithName("FindVehicleCertificatesByIdentityCode")
            .WithSummary("Certificates of the owner with this exact identity code (keyed-hash look-up, audited); codes masked.");
        return app;
    }
}
