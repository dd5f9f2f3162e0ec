using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Sets or clears (null) a consumer's bank account for metal credits, as of the version read.</summary>
public sealed class SetBankAccount(RegisterDbContext db, AuditLog audit, ProtectedCodes codes)
{
    public async Task<Outcome<Consumer>> RunAsync(Guid id, BankAccountRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        errors.RequiredVersion(request.Version);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var consumer = await db.Set<Consumer>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null)
        {
            return Outcome.Missing;
        }

        VersionedUpdate.AsOf(db, consumer, request.Version!.Value);
        BankAccounts.Store(consumer, iban, codes);
        audit.Add(new AuditEntry(iban is null ? "consumer.bank_account.clear" : "consumer.bank_account.set", Purposes.Invoicing,
            consumer.SubjectId, "consumer", id.ToString(), ["bank_account"]));
        await db.SaveChangesAsync(ct);
        return consumer;
    }
}
