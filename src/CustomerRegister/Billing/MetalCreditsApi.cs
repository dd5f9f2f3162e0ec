using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>Metal credits paid to consumers' bank accounts: payment vouchers that keep the account they were paid to.</summary>
public static class MetalCreditsApi
{
    private const string BankAccountField = "bank_account";

    private static readonly string[] PayoutFields = [Categories.MetalCredit.Id];

    public static IEndpointRouteBuilder MapMetalCredits(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/metal-credits").WithTags("Billing").RequirePermission(Permissions.BillingRead);
        read.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One payout. ?reveal=bankAccount shows the whole account (BankAccount.Reveal, audited; state X-Purpose).");

        var write = app.MapGroup("/api/metal-credits").WithTags("Billing").RequirePermission(Permissions.BillingWrite);
        write.MapPost("/", CreateAsync)
            .WithSummary("Record a payout; without bankAccount it goes to the consumer's stored account.");
        return app;
    }

    private static async Task<Results<Ok<MetalCreditPayoutResponse>, NotFound, ValidationProblem, ForbidHttpResult>> GetAsync(
        Guid id, string? reveal, RegisterDbContext db, AuditLog audit, Access access, Reveals reveals, ProtectedCodes codes, CancellationToken ct)
    {
        var stated = access.Purpose(string.Empty);
        if (stated is null)
        {
            return Access.UnknownPurpose();
        }

        var purpose = stated.Length == 0 ? Purposes.Invoicing : stated;

        var payout = await db.Set<MetalCreditPayout>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (payout is null)
        {
            return TypedResults.NotFound();
        }

        string? revealed = null;
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "bankAccount", StringComparison.OrdinalIgnoreCase))
            {
                return new FieldErrors().Add("reveal", "Only bankAccount can be revealed here.").Problem();
            }

            var (outcome, value) = await reveals.RevealAsync(
                new RevealTarget("metal_credit.reveal", Categories.MetalCredit, payout.SubjectId, "metal_credit_payout", id.ToString(), BankAccountField,
                    Permissions.BankAccountReveal),
                stated.Length == 0 ? null : stated,
                () => Iban.Parse(codes.Decrypt(payout.BankAccountCipher)).Formatted(),
                ct);
            switch (outcome)
            {
                case RevealOutcome.WrongPurpose:
                    return Reveals.WrongPurpose(Categories.MetalCredit);
                case RevealOutcome.Forbidden:
                    return TypedResults.Forbid();
                default:
                    revealed = value;
                    break;
            }
        }

        await audit.WriteAsync(new AuditEntry("metal_credit.read", purpose, payout.SubjectId, "metal_credit_payout", id.ToString(),
            PayoutFields), ct);
        return TypedResults.Ok(payout.ToResponse(revealed));
    }

    private static async Task<Results<Created<MetalCreditPayoutResponse>, ValidationProblem>> CreateAsync(
        MetalCreditPayoutRequest request, RegisterDbContext db, AuditLog audit, ProtectedCodes codes, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.ConsumerId is null)
        {
            errors.Add("consumerId", "Required.");
        }

        InvoicesApi.AmountRequired(errors, "amount", request.Amount);
        if (request.WeightKg is { } weight && (weight <= 0 || weight >= 1_000_000m || decimal.Round(weight, 3) != weight))
        {
            errors.Add("weightKg", "Greater than zero, below 1 000 000, at most three decimals.");
        }

        var material = errors.Text("material", request.Material, 100);
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        InvoicesApi.SourceRequired(errors, request.Source);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsumerId, ct);
        if (consumer is null)
        {
            return errors.Add("consumerId", "No such consumer.").Problem();
        }

        if (request.RelationshipId is { } relationshipId
            && !await db.Set<CustomerRelationship>().AnyAsync(r => r.Id == relationshipId && r.SubjectId == consumer.SubjectId, ct))
        {
            return errors.Add("relationshipId", "No such relationship of this consumer.").Problem();
        }

        iban ??= consumer.BankAccountCipher is { } stored ? Iban.Parse(codes.Decrypt(stored)) : null;
        if (iban is null)
        {
            return errors.Add("bankAccount", "The consumer has no stored bank account: give one.").Problem();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var payout = new MetalCreditPayout
        {
            Id = Guid.CreateVersion7(),
            SubjectId = consumer.SubjectId,
            ConsumerId = consumer.Id,
            RelationshipId = request.RelationshipId,
            PaidOn = request.PaidOn ?? HelsinkiTime.Today(clock),
            Amount = request.Amount!.Value,
            WeightKg = request.WeightKg,
            Material = material,
            BankAccountCipher = codes.Encrypt(iban.Value),
            BankAccountMasked = iban.Masked(),
            Source = request.Source!.Value,
            CreatedAt = now,
        };
        db.Add(payout);
        audit.Add(new AuditEntry("metal_credit.create", Purposes.Invoicing, payout.SubjectId, "metal_credit_payout", payout.Id.ToString(),
            Access.SetFields(db.Entry(payout))));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/metal-credits/{payout.Id}", payout.ToResponse());
    }
}
