using System.Security.Claims;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Marketing;

public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapMarketingConsents(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingRead);
        read.MapGet("/subjects/{subjectId:guid}/marketing-consents",
                (Guid subjectId, ConsentLedger ledger, CancellationToken ct) => ledger.ReadAsync(subjectId, ct).ToOkAsync())
            .WithName("GetMarketingConsents")
            .WithSummary("The person's direct-marketing ledger and the state derived from it per channel and purpose.");
        read.MapGet("/marketing/can-contact",
                (Guid? subjectId, string? channel, string? purpose, string? serviceLine, ConsentLedger ledger, CancellationToken ct) =>
                    ledger.CanContactAsync(subjectId, channel, purpose, serviceLine, ct).ToOkAsync())
            .WithName("CanContact")
            .WithSummary("Whether the person may be sent direct marketing on the channel for the purpose, and why.");

        var write = app.MapGroup("/api").WithTags("Marketing").RequirePermission(Permissions.MarketingWrite);
        write.MapPost("/subjects/{subjectId:guid}/marketing-consents",
                async (Guid subjectId, ConsentEntryRequest request, ClaimsPrincipal user, ConsentLedger ledger, CancellationToken ct) =>
                    (await ledger.AppendAsync(subjectId, request, user, ct))
                        .ToCreated(e => $"/api/subjects/{subjectId}/marketing-consents", MarketingLedger.Response))
            .WithName("AppendMarketingConsent")
            .WithSummary("Append a permission, withdrawal, prohibition, lifting or soft opt-in. Entries are never changed or deleted.");
        return app;
    }

}
