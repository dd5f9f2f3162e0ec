using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Protection;

namespace CustomerRegister.Customers;

/// <summary>
/// A consumer's bank account: the one way it is stored (encrypted, with its keyed hash for look-up and a masked copy)
/// and revealed (see <see cref="Reveals"/> for the rule).
/// </summary>
public sealed class BankAccounts(Reveals reveals, ProtectedCodes codes)
{
    private const string LookupKind = "iban";

    public static byte[] Lookup(ProtectedCodes codes, Iban iban) => codes.Lookup(LookupKind, iban.Value);

    /// <summary>Stores <paramref name="iban"/> on the consumer, or clears the account when it is null.</summary>
    public static void Store(Consumer consumer, Iban? iban, ProtectedCodes codes)
    {
        consumer.BankAccountCipher = iban is null ? null : codes.Encrypt(iban.Value);
        consumer.BankAccountLookup = iban is null ? null : Lookup(codes, iban);
        consumer.BankAccountMasked = iban?.Masked();
    }

    public Task<(RevealOutcome Outcome, string? Value)> RevealAsync(Consumer consumer, string? purpose, CancellationToken ct) =>
        reveals.RevealAsync(
            new RevealTarget("consumer.reveal", Categories.BankAccount, consumer.SubjectId, "consumer", consumer.Id.ToString(), "bank_account"),
            purpose,
            () => consumer.BankAccountCipher is null ? null : Iban.Parse(codes.Decrypt(consumer.BankAccountCipher)).Formatted(),
            ct);
}
