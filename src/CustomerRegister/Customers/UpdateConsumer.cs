using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Subjects;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>Replaces a consumer's contact details as of the version read; the bank account has its own use case.</summary>
public sealed class UpdateConsumer(RegisterDbContext db, SubjectRecordWrites writes, MarketingBans bans)
{
    private static readonly LocalText BankAccountSeparately = new(
        "Tilinumero vaihdetaan omalla toiminnollaan (PUT /api/consumers/{id}/bank-account).",
        "Kontonumret byts med en egen funktion (PUT /api/consumers/{id}/bank-account).",
        "Change the bank account with PUT /api/consumers/{id}/bank-account.");

    public async Task<Outcome<Consumer>> RunAsync(Guid id, ConsumerRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ConsumerInput.Read(request, errors);
        errors.RequiredVersion(request.Version);
        if (request.BankAccount is not null)
        {
            errors.Add("bankAccount", BankAccountSeparately);
        }

        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        return await writes.UpdateAsync<Consumer>(id, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        }, "consumer", ct, c => CustomerEntries.KeepAsync(db, bans, c, isNew: false, ct));
    }
}
