using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Protection;

namespace CustomerRegister.Customers;

/// <summary>Revealing a consumer's whole bank account (see <see cref="Reveals"/> for the rule).</summary>
public sealed class BankAccounts(Reveals reveals, ProtectedCodes codes)
{
    public Task<(RevealOutcome Outcome, string? Value)> RevealAsync(Consumer consumer, string? purpose, CancellationToken ct) =>
        reveals.RevealAsync(
            new RevealTarget("consumer.reveal", Categories.BankAccount, consumer.SubjectId, "consumer", consumer.Id.ToString(), "bank_account"),
            purpose,
            () => consumer.BankAccountCipher is null ? null : Iban.Parse(codes.Decrypt(consumer.BankAccountCipher)).Formatted(),
            ct);
}
