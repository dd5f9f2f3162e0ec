using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Protection;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>
/// Records a metal-credit payout to a consumer: a payment voucher that keeps the account it was paid to (encrypted,
/// masked); without an account given it goes to the consumer's stored one.
/// </summary>
public sealed class PayMetalCredit(RegisterDbContext db, AuditLog audit, ProtectedCodes codes, TimeProvider clock)
{
    private static readonly LocalText WeightRule = new(
        "Suurempi kuin nolla, alle 1 000 000, enintään kolme desimaalia.",
        "Större än noll, under 1 000 000, högst tre decimaler.",
        "Greater than zero, below 1 000 000, at most three decimals.");

    private static readonly LocalText NoSuchRelationship = new(
        "Kuluttaja-asiakkaalla ei ole tällaista asiakkuutta.",
        "Konsumentkunden har ingen sådan kundrelation.",
        "No such relationship of this consumer.");

    private static readonly LocalText NoBankAccount = new(
        "Kuluttaja-asiakkaalle ei ole tallennettu tilinumeroa: anna tilinumero.",
        "Konsumentkunden har inget sparat kontonummer: ange ett.",
        "The consumer has no stored bank account: give one.");

    internal const string BankAccountField = "bank_account";

    public async Task<Outcome<MetalCreditPayout>> RunAsync(MetalCreditPayoutRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.ConsumerId is null)
        {
            errors.Add("consumerId", FieldMessages.Required);
        }

        errors.Amount("amount", request.Amount);
        if (request.WeightKg is { } weight && (weight <= 0 || weight >= 1_000_000m || decimal.Round(weight, 3) != weight))
        {
            errors.Add("weightKg", WeightRule);
        }

        var material = errors.Text("material", request.Material, 100);
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsumerId, ct);
        if (consumer is null)
        {
            return Outcome.Invalid("consumerId", FieldMessages.NoSuchConsumer);
        }

        if (request.RelationshipId is { } relationshipId
            && !await db.Set<CustomerRelationship>().AnyAsync(r => r.Id == relationshipId && r.SubjectId == consumer.SubjectId, ct))
        {
            return Outcome.Invalid("relationshipId", NoSuchRelationship);
        }

        iban ??= consumer.BankAccountCipher is { } stored ? Iban.Parse(codes.Decrypt(stored)) : null;
        if (iban is null)
        {
            return Outcome.Invalid("bankAccount", NoBankAccount);
        }

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
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(payout);
        audit.Add(new AuditEntry("metal_credit.create", Purposes.Invoicing, payout.SubjectId, "metal_credit_payout", payout.Id.ToString(),
            Access.SetFields(db.Entry(payout))));
        await db.SaveChangesAsync(ct);
        return payout;
    }
}
