using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;

namespace CustomerRegister.Customers;

public enum RevealOutcome
{
    Revealed,
    WrongPurpose,
    Forbidden,
}

/// <summary>Revealing a consumer's whole bank account: a separate, permission-checked, purpose-bound, audited act.</summary>
public sealed class BankAccounts(AuditLog audit, Access access, ProtectedCodes codes)
{
    public async Task<(RevealOutcome Outcome, string? Value)> RevealAsync(Consumer consumer, string purpose, CancellationToken ct)
    {
        if (!Categories.BankAccount.Uses.Any(u => u.Purpose == purpose))
        {
            return (RevealOutcome.WrongPurpose, null);
        }

        if (!await access.HasAsync(Categories.BankAccount.RevealPermission!))
        {
            await audit.WriteAsync(new AuditEntry("consumer.reveal", purpose, consumer.SubjectId, "consumer", consumer.Id.ToString(),
                ["bank_account"], Outcome: "denied"), ct);
            return (RevealOutcome.Forbidden, null);
        }

        var value = consumer.BankAccountCipher is null ? null : Iban.Parse(codes.Decrypt(consumer.BankAccountCipher)).Formatted();
        await audit.WriteAsync(new AuditEntry("consumer.reveal", purpose, consumer.SubjectId, "consumer", consumer.Id.ToString(),
            ["bank_account"]), ct);
        return (RevealOutcome.Revealed, value);
    }
}
