using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Disclosures;

/// <summary>The registry (<c>/api/recipients</c>) and the disclosure log (<c>/api/subjects/{id}/disclosures</c>).</summary>
public static class RecipientsEndpoints
{
    public static IEndpointRouteBuilder MapRecipients(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/recipients").WithTags("Recipients").RequirePermission(Permissions.CatalogRead);
        read.MapGet("", async (bool? includeEnded, RecipientQueries q, CancellationToken ct) =>
                TypedResults.Ok((await q.ListAsync(includeEnded ?? false, ct)).Select(RecipientResponse.Of).ToList()))
            .WithName("ListRecipients")
            .WithSummary("The registry: active recipients (?includeEnded=true adds the ended ones), with country, role, basis and categories.");
        read.MapGet("/{id:guid}", async Task<Results<Ok<RecipientResponse>, NotFound>> (Guid id, RecipientQueries q, CancellationToken ct) =>
                await q.GetAsync(id, ct) is { } r ? TypedResults.Ok(RecipientResponse.Of(r)) : TypedResults.NotFound())
            .WithName("GetRecipient").WithSummary("One recipient.");
        read.MapGet("/{id:guid}/disclosures", async (Guid id, Guid? after, int? limit, RecipientQueries q, CancellationToken ct) =>
                (await q.OfRecipientAsync(id, after, limit, ct)).ToOk())
            .WithName("ListRecipientDisclosures")
            .WithSummary("What was disclosed to the recipient, newest first, keyset-paged (?after=, ?limit=).");

        var manage = app.MapGroup("/api/recipients").WithTags("Recipients").RequirePermission(Permissions.RecipientManage);
        manage.MapPost("", async (RecipientInput input, RecipientAdministration admin, CancellationToken ct) =>
                (await admin.CreateAsync(input, ct)).ToCreated(r => $"/api/recipients/{r.Id}", RecipientResponse.Of))
            .WithName("CreateRecipient")
            .WithSummary("Add a recipient; outside the EU/EEA only with an adequacy decision or safeguard recorded (else 400 on safeguard).");
        manage.MapPut("/{id:guid}", async (Guid id, RecipientInput input, RecipientAdministration admin, CancellationToken ct) =>
                (await admin.UpdateAsync(id, input, ct)).ToOk(RecipientResponse.Of))
            .WithName("UpdateRecipient").WithSummary("Change a recipient as of the version read.");
        manage.MapPost("/{id:guid}/end", async (Guid id, VersionRequest r, RecipientAdministration admin, CancellationToken ct) =>
                (await admin.EndAsync(id, r.Version, ct)).ToOk(RecipientResponse.Of))
            .WithName("EndRecipient").WithSummary("End a recipient: its row and disclosures stay; nothing more is disclosed to it.");

        app.MapGet("/api/subjects/{id:guid}/disclosures", async (Guid id, RecipientQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ReadOfSubjectAsync(id, ct)))
            .WithTags("Recipients").RequirePermission(Permissions.CustomerRead)
            .WithName("ListSubjectDisclosures")
            .WithSummary("What was disclosed of the person: to whom, which categories, for what and when.");
        return app;
    }
}
