using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Restrictions;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

/// <summary>A consumer as read, with the outcome of a reveal of the bank account when one was asked for.</summary>
public sealed record ConsumerView(Consumer Consumer, RevealOutcome? Reveal, string? RevealedBankAccount);

/// <summary>Reading consumers, audited; restricted people (Art 18) are left out for all but the DPO.</summary>
public sealed class ConsumerQueries(RegisterDbContext db, AuditLog audit, ProcessingLimits limits, BankAccounts bankAccounts)
{
    private static readonly string[] ConsumerFields = [Categories.Name.Id, Categories.Address.Id, Categories.Phone.Id, Categories.Email.Id];

    public async Task<Outcome<Page<ConsumerResponse>>> ListAsync(Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Paging.Size(errors, limit) is not { } size)
        {
            return Outcome.Invalid(errors);
        }

        // The list is an export of the register: restricted people (Art 18) stay out of it for all but the DPO.
        var query = await limits.VisibleAsync(db.Set<Consumer>().AsNoTracking(), c => c.SubjectId);
        var page = await query.ByIdAsync(after, size, c => c.ToResponse(), ct);
        await audit.WriteAsync(new AuditEntry("consumer.list", Purposes.CustomerRelationship, EntityType: "consumer", Fields: ConsumerFields), ct);
        return page;
    }

    /// <summary>One consumer; <paramref name="reveal"/> <c>bankAccount</c> reveals the whole account for the stated purpose.</summary>
    public async Task<Outcome<ConsumerView>> GetAsync(Guid id, string? reveal, string purpose, CancellationToken ct)
    {
        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consumer is null || await limits.HidesAsync(consumer.SubjectId, ct))
        {
            return Outcome.Missing;
        }

        string? revealed = null;
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "bankAccount", StringComparison.OrdinalIgnoreCase))
            {
                return Outcome.Invalid("reveal", FieldMessages.OnlyBankAccountRevealed);
            }

            var (outcome, value) = await bankAccounts.RevealAsync(consumer, purpose, ct);
            if (outcome != RevealOutcome.Revealed)
            {
                return new ConsumerView(consumer, outcome, null);
            }

            revealed = value;
        }

        await audit.WriteAsync(new AuditEntry("consumer.read", purpose, consumer.SubjectId, "consumer", id.ToString(),
            [.. ConsumerFields, Categories.BankAccount.Id]), ct);
        return new ConsumerView(consumer, reveal is null ? null : RevealOutcome.Revealed, revealed);
    }
}
