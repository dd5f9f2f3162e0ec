using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Customers;

/// <summary>Customer organisations and their contact persons.</summary>
public static class OrganisationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Organisations").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/organisations", async (Guid? after, int? limit, OrganisationQueries organisations, CancellationToken ct) =>
                (await organisations.ListAsync(after, limit, ct)).ToOk())
            .WithName("ListOrganisations").WithSummary("Organisations in creation order; page with ?after=<last id>.");
        read.MapGet("/organisations/{id:guid}", async Task<Results<Ok<OrganisationResponse>, NotFound>> (
                    Guid id, OrganisationQueries organisations, CancellationToken ct) =>
                await organisations.GetAsync(id, ct) is { } organisation ? TypedResults.Ok(organisation.ToResponse()) : TypedResults.NotFound())
            .WithName("GetOrganisation").WithSummary("One organisation.");
        read.MapGet("/organisations/{id:guid}/contacts", async (Guid id, OrganisationQueries organisations, CancellationToken ct) =>
                (await organisations.ContactsOfAsync(id, ct)).ToOk(contacts => contacts.Select(c => c.ToResponse()).ToList()))
            .WithName("ListOrganisationContacts").WithSummary("The organisation's contact persons by name.");
        read.MapGet("/contacts/{id:guid}", async Task<Results<Ok<ContactPersonResponse>, NotFound>> (
                    Guid id, OrganisationQueries organisations, CancellationToken ct) =>
                await organisations.GetContactAsync(id, ct) is { } contact ? TypedResults.Ok(contact.ToResponse()) : TypedResults.NotFound())
            .WithName("GetContactPerson").WithSummary("One contact person.");

        var write = app.MapGroup("/api").WithTags("Organisations").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/organisations", async (OrganisationRequest request, CreateOrganisation create, CancellationToken ct) =>
                (await create.RunAsync(request, ct)).ToCreated(o => $"/api/organisations/{o.Id}", o => o.ToResponse()))
            .WithName("CreateOrganisation").WithSummary("A duplicate business ID answers 409.");
        write.MapPut("/organisations/{id:guid}", async (Guid id, OrganisationRequest request, UpdateOrganisation update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(o => o.ToResponse()))
            .WithName("UpdateOrganisation").WithSummary("Replace the organisation's details; send the version you read.");
        write.MapPost("/organisations/{id:guid}/contacts", async (
                    Guid id, ContactPersonRequest request, CreateContactPerson create, CancellationToken ct) =>
                (await create.RunAsync(id, request, ct)).ToCreated(c => $"/api/contacts/{c.Id}", c => c.ToResponse()))
            .WithName("CreateContactPerson").WithSummary("Add a contact person to the organisation.");
        write.MapPut("/contacts/{id:guid}", async (Guid id, ContactPersonRequest request, UpdateContactPerson update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(c => c.ToResponse()))
            .WithName("UpdateContactPerson").WithSummary("Replace the contact person's details; send the version you read.");
        return app;
    }
}
