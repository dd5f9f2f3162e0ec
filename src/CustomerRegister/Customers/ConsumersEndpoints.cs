using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Customers;

public static class ConsumersEndpoints
{
    public static IEndpointRouteBuilder MapConsumers(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.CustomerRead);
        read.MapGet("/", async (Guid? after, int? limit, ConsumerQueries consumers, CancellationToken ct) =>
                (await consumers.ListAsync(after, limit, ct)).ToOk())
            .WithName("ListConsumers").WithSummary("Consumers in creation order; page with ?after=<last id>.");
        read.MapGet("/{id:guid}", GetAsync).WithName("GetConsumer")
            .WithSummary("One consumer. ?reveal=bankAccount shows the whole account (BankAccount.Reveal, audited; state X-Purpose).");

        var write = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.CustomerWrite);
        write.MapPost("/", CreateAsync).WithName("CreateConsumer")
            .WithSummary("Add a consumer; giving a bank account also needs the permission to write it.");
        write.MapPut("/{id:guid}", async (Guid id, ConsumerRequest request, UpdateConsumer update, CancellationToken ct) =>
                (await update.RunAsync(id, request, ct)).ToOk(c => c.ToResponse()))
            .WithName("UpdateConsumer").WithSummary("Replace the consumer's contact details; send the version you read.");

        var bank = app.MapGroup("/api/consumers").WithTags("Consumers").RequirePermission(Permissions.BillingWrite);
        bank.MapPut("/{id:guid}/bank-account", async (Guid id, BankAccountRequest request, SetBankAccount set, CancellationToken ct) =>
                (await set.RunAsync(id, request, ct)).ToOk(c => c.ToResponse()))
            .WithName("SetConsumerBankAccount").WithSummary("Set or clear (null) the bank account for metal credits.");
        return app;
    }

    private static async Task<Results<Ok<ConsumerResponse>, NotFound, ValidationProblem, ForbidHttpResult>> GetAsync(
        Guid id, string? reveal, Access access, ConsumerQueries consumers, CancellationToken ct)
    {
        if (access.Purpose(Purposes.CustomerRelationship) is not { } purpose)
        {
            return Access.UnknownPurpose();
        }

        var outcome = await consumers.GetAsync(id, reveal, purpose, ct);
        if (outcome.Errors is { } errors)
        {
            return errors.Problem();
        }

        return outcome.Value switch
        {
            null => TypedResults.NotFound(),
            { Reveal: RevealOutcome.WrongPurpose } => Reveals.WrongPurpose(Categories.BankAccount),
            { Reveal: RevealOutcome.Forbidden } => TypedResults.Forbid(),
            var view => TypedResults.Ok(view.Consumer.ToResponse(view.RevealedBankAccount)),
        };
    }

    private static async Task<Results<Created<ConsumerResponse>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        ConsumerRequest request, CreateConsumer create, CancellationToken ct)
    {
        var outcome = await create.RunAsync(request, ct);
        if (outcome.Errors is { } errors)
        {
            return errors.Problem();
        }

        return outcome.Value!.Consumer is { } consumer
            ? TypedResults.Created($"/api/consumers/{consumer.Id}", consumer.ToResponse())
            : TypedResults.Forbid();
    }
}
