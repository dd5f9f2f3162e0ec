using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Billing;

/// <summary>Reads of metal-credit payouts: the account masked, or revealed whole on request (audited).</summary>
public sealed class MetalCreditQueries(RegisterDbContext db, AuditLog audit, Reveals reveals, ProtectedCodes codes)
{
    internal static readonly string[] PayoutFields = [Categories.MetalCredit.Id];

    /// <summary>
    /// One payout. <paramref name="reveal"/> <c>bankAccount</c> reveals the account (BankAccount.Reveal) for the
    /// <paramref name="statedPurpose"/>; the read is audited for that purpose, by default invoicing.
    /// </summary>
    public async Task<Outcome<RevealedRead<MetalCreditPayout>>> GetAsync(Guid id, string? reveal, string? statedPurpose, CancellationToken ct)
    {
        var payout = await db.Set<MetalCreditPayout>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (payout is null)
        {
            return Outcome.Missing;
        }

        var read = new RevealedRead<MetalCreditPayout>(payout);
        if (reveal is not null)
        {
            if (!string.Equals(reveal, "bankAccount", StringComparison.OrdinalIgnoreCase))
            {
                return Outcome.Invalid("reveal", FieldMessages.OnlyBankAccountRevealed);
            }

            var revealed = await reveals.RevealAsync(payout,
                new RevealTarget("metal_credit.reveal", Categories.MetalCredit, payout.SubjectId, "metal_credit_payout", id.ToString(),
                    PayMetalCredit.BankAccountField, Permissions.BankAccountReveal),
                statedPurpose,
                () => Iban.Parse(codes.Decrypt(payout.BankAccountCipher)).Formatted(),
                ct);
            if (revealed.Value is not { Forbidden: false } granted)
            {
                return revealed;
            }

            read = granted;
        }

        await audit.WriteAsync(new AuditEntry("metal_credit.read", statedPurpose ?? Purposes.Invoicing, payout.SubjectId, "metal_credit_payout",
            id.ToString(), PayoutFields), ct);
        return read;
    }
}
