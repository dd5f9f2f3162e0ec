using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerRegister.Protection;

public enum RevealOutcome
{
    Revealed,
    WrongPurpose,
    Forbidden,
}

/// <summary>
/// What is to be revealed: the item, its category (whose uses apply, and whose reveal permission unless another is
/// named — a payout voucher's account is revealed with the bank-account permission) and the field.
/// </summary>
public sealed record RevealTarget(
    string Action, DataCategory Category, Guid? SubjectId, string EntityType, string EntityId, string Field, string? Permission = null)
{
    public string RequiredPermission => Permission ?? Category.RevealPermission
        ?? throw new InvalidOperationException($"Category {Category.Id} has no reveal permission; name one.");
}

/// <summary>
/// Revealing a protected code is a separate, deliberate act: the caller states a purpose the category serves and holds
/// the category's reveal permission; granted and refused attempts are both audited. One rule for every protected code.
/// </summary>
public sealed class Reveals(AuditLog audit, Access access)
{
    private static readonly LocalText WrongPurposeText = new(
        "Kerro käyttötarkoitus X-Purpose-otsakkeessa; tätä tietoa saa käyttää vain näihin: {0}.",
        "Ange ändamålet i rubriken X-Purpose; den här uppgiften får användas endast för: {0}.",
        "State the purpose in X-Purpose; this item serves only: {0}.");

    public async Task<(RevealOutcome Outcome, string? Value)> RevealAsync(RevealTarget target, string? statedPurpose, Func<string?> decrypt,
        CancellationToken ct)
    {
        if (statedPurpose is null || !target.Category.Uses.Any(u => u.Purpose == statedPurpose))
        {
            return (RevealOutcome.WrongPurpose, null);
        }

        var entry = new AuditEntry(target.Action, statedPurpose, target.SubjectId, target.EntityType, target.EntityId, [target.Field]);
        if (!await access.HasAsync(target.RequiredPermission))
        {
            await audit.WriteAsync(entry with { Outcome = "denied" }, ct);
            return (RevealOutcome.Forbidden, null);
        }

        var value = decrypt();
        await audit.WriteAsync(entry, ct);
        return (RevealOutcome.Revealed, value);
    }

    /// <summary>The API answer for a reveal that did not happen.</summary>
    public static ValidationProblem WrongPurpose(DataCategory category) => WrongPurposeErrors(category).Problem();

    public static FieldErrors WrongPurposeErrors(DataCategory category) =>
        new FieldErrors().Add(Access.PurposeHeader,
            WrongPurposeText.Format(string.Join(", ", category.Uses.Select(u => u.Purpose))));
}
