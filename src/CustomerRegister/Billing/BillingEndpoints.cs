using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;

namespace CustomerRegister.Billing;

/// <summary>Invoices, their payments, debt collection and metal-credit payouts: binding and answers only.</summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Billing").RequirePermission(Permissions.BillingRead);
        read.MapGet("/invoices", async (Guid? consumerId, Guid? organisationId, InvoiceListState? state, int? limit, InvoiceQueries queries,
                    CancellationToken ct) =>
                (await queries.ListAsync(consumerId, organisationId, state, limit, ct)).ToOk())
            .WithName("ListInvoices")
            .WithSummary("A customer's invoices: give consumerId or organisationId; ?state=Open (unpaid, also in collection), Overdue, Paid or Cancelled narrows them.");
        read.MapGet("/invoices/{id:guid}", async (Guid id, InvoiceQueries queries, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).ToOk())
            .WithName("GetInvoice").WithSummary("One invoice with its payments.");
        read.MapGet("/collection-cases/{id:guid}", async (Guid id, InvoiceQueries queries, CancellationToken ct) =>
                (await queries.GetCaseAsync(id, ct)).ToOk())
            .WithName("GetCollectionCase").WithSummary("One collection case with its invoices.");

        var write = app.MapGroup("/api").WithTags("Billing").RequirePermission(Permissions.BillingWrite);
        write.MapPost("/invoices", async (InvoiceRequest request, CreateInvoice create, CancellationToken ct) =>
                (await create.RunAsync(request, ct)).ToCreated(i => $"/api/invoices/{i.Id}", i => i))
            .WithName("CreateInvoice")
            .WithSummary("Issue an invoice; the billing name and address are copied from the customer now and never change. A duplicate number answers 409.");
        write.MapPost("/invoices/{id:guid}/cancel", async (Guid id, VersionRequest request, CancelInvoice cancel, CancellationToken ct) =>
                (await cancel.RunAsync(id, request, ct)).ToOk())
            .WithName("CancelInvoice").WithSummary("Cancel an open invoice without payments; send the version you read.");
        write.MapPost("/invoices/{id:guid}/payments", async (Guid id, PaymentRequest request, RecordPayment record, CancellationToken ct) =>
                (await record.RunAsync(id, request, ct)).ToCreated(i => $"/api/invoices/{i.Id}", i => i))
            .WithName("RecordPayment").WithSummary("Record a payment; paid in full marks the invoice Paid.");
        write.MapPost("/collection-cases", async (CollectionCaseRequest request, OpenCollectionCase open, CancellationToken ct) =>
                (await open.RunAsync(request, ct)).ToCreated(c => $"/api/collection-cases/{c.Id}", c => c))
            .WithName("OpenCollectionCase").WithSummary("Hand overdue open invoices of one customer to a collection agency; one not yet due answers 409.");
        write.MapPost("/collection-cases/{id:guid}/close", async (Guid id, VersionRequest request, CloseCollectionCase close, CancellationToken ct) =>
                (await close.RunAsync(id, request, ct)).ToOk())
            .WithName("CloseCollectionCase").WithSummary("Close a case; unpaid invoices return to Open.");

        var readCredits = app.MapGroup("/api/metal-credits").WithTags("Billing").RequirePermission(Permissions.BillingRead);
        readCredits.MapGet("/{id:guid}", (Guid id, string? reveal, Access access, MetalCreditQueries queries, CancellationToken ct) =>
                RevealedReads.AnswerAsync(access, purpose => queries.GetAsync(id, reveal, purpose, ct), (payout, account) => payout.ToResponse(account)))
            .WithName("GetMetalCreditPayout")
            .WithSummary("One payout. ?reveal=bankAccount shows the whole account (BankAccount.Reveal, audited; state X-Purpose).");

        var writeCredits = app.MapGroup("/api/metal-credits").WithTags("Billing").RequirePermission(Permissions.BillingWrite);
        writeCredits.MapPost("/", async (MetalCreditPayoutRequest request, PayMetalCredit pay, CancellationToken ct) =>
                (await pay.RunAsync(request, ct)).ToCreated(p => $"/api/metal-credits/{p.Id}", p => p.ToResponse()))
            .WithName("PayMetalCredit").WithSummary("Record a payout; without bankAccount it goes to the consumer's stored account.");
        return app;
    }
}
