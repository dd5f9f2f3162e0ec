using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Erasure;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;

namespace CustomerRegister.Customers;

/// <summary>A new consumer, or <see cref="Forbidden"/> when the caller gave a bank account it may not write (403).</summary>
public sealed record ConsumerCreated(Consumer? Consumer)
{
    public static readonly ConsumerCreated Forbidden = new((Consumer?)null);
}

/// <summary>Adds a consumer with a new subject key; kept bans on their addresses apply at once.</summary>
public sealed class CreateConsumer(
    RegisterDbContext db, AuditLog audit, Access access, ProtectedCodes codes, MarketingBans bans, TimeProvider clock)
{
    public async Task<Outcome<ConsumerCreated>> RunAsync(ConsumerRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = ConsumerInput.Read(request, errors);
        var iban = errors.Optional<Iban>("bankAccount", request.BankAccount, Iban.TryParse);
        errors.RequiredSource(request.Source);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        if (iban is not null && !await access.HasAsync(Categories.BankAccount.WritePermission))
        {
            return ConsumerCreated.Forbidden;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = Subject.New(SubjectKind.Consumer, now);
        var consumer = new Consumer { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Source = request.Source!.Value, CreatedAt = now };
        input.ApplyTo(consumer);
        if (iban is not null)
        {
            BankAccounts.Store(consumer, iban, codes);
        }

        db.Add(subject);
        db.Add(consumer);
        await CustomerEntries.KeepAsync(db, bans, consumer, isNew: true, ct);
        audit.Add(new AuditEntry("consumer.create", Purposes.CustomerRelationship, subject.Id, "consumer", consumer.Id.ToString(),
            Access.SetFields(db.Entry(consumer))));
        await db.SaveChangesAsync(ct);
        return new ConsumerCreated(consumer);
    }
}
