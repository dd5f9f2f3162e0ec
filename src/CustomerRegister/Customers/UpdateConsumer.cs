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
public sealed class UpdateConsumer(RegisterDbContext db, AuditLog audit, MarketingBans bans)
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

        var consumer = await db.Set<Consumer>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null)
        {
            return Outcome.Missing;
        }

        var changed = VersionedUpdate.Apply(db, consumer, request.Version!.Value, c =>
        {
            input.ApplyTo(c);
            c.Source = request.Source ?? c.Source;
        });
        await CustomerEntries.KeepAsync(db, bans, consumer, isNew: false, ct);
        audit.Add(new AuditEntry("consumer.update", Purposes.CustomerRelationship, consumer.SubjectId, "consumer", id.ToString(), changed));
        await db.SaveChangesAsync(ct);
        return consumer;
    }
}
