using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;
using CustomerRegister.Search;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Customers;

internal sealed record CustomerTarget(SearchTarget Kind, Guid Id, Guid? SubjectId);

/// <summary>
/// Customer and contract numbers as search terms on the customer's own consumer or organisation entry. Only these
/// entries are touched: the customer's name, phone and email terms belong to the consumer and organisation features.
/// </summary>
internal static class CodeIndex
{
    public static void Add(RegisterDbContext db, CustomerTarget customer, string number) =>
        db.Add(Entry(customer.Kind, customer.Id, customer.SubjectId, number));

    /// <summary>The entry of a customer or contract number on the customer's own search target (also what the demo seeder writes).</summary>
    public static SearchEntry Entry(SearchTarget kind, Guid targetId, Guid? subjectId, string number) => new()
    {
        Term = SearchText.Code(number),
        Field = SearchIndex.CustomerNumberField,
        TargetKind = kind,
        TargetId = targetId,
        SubjectId = subjectId,
    };

    public static async Task ReplaceAsync(RegisterDbContext db, CustomerTarget customer, string old, string number, CancellationToken ct)
    {
        var term = SearchText.Code(old);
        var stale = await db.Set<SearchEntry>()
            .FirstOrDefaultAsync(e => e.TargetId == customer.Id && e.Field == SearchIndex.CustomerNumberField && e.Term == term, ct);
        if (stale is not null)
        {
            db.Remove(stale);
        }

        Add(db, customer, number);
    }

    /// <summary>The search target of a customer: the consumer row, or the organisation; and its current subject.</summary>
    public static async Task<CustomerTarget?> CustomerOfAsync(RegisterDbContext db, Guid? subjectId, Guid? organisationId,
        CancellationToken ct)
    {
        if (organisationId is { } o)
        {
            return await db.Set<Organisation>().Where(x => x.Id == o)
                .Select(x => new CustomerTarget(SearchTarget.Organisation, x.Id, x.SubjectId)).FirstOrDefaultAsync(ct);
        }

        return await db.Set<Consumer>().Where(c => c.SubjectId == subjectId)
            .Select(c => new CustomerTarget(SearchTarget.Consumer, c.Id, c.SubjectId)).FirstOrDefaultAsync(ct);
    }
}

internal sealed record RelationshipInput(string Number, DateOnly StartDate, DateOnly? EndDate, RelationshipStatus Status)
{
    public static readonly Failure DuplicateNumber =
        Outcome.Conflict("customerNumber", new LocalText(
            "Toisella asiakkuudella on jo tämä asiakasnumero.",
            "En annan kundrelation har redan det här kundnumret.",
            "Another relationship already has this customer number."));

    public static RelationshipInput Read(RelationshipRequest r, FieldErrors errors, DateOnly today)
    {
        if (!RelationshipRules.TryNormaliseNumber(r.CustomerNumber, out var number, out var numberError))
        {
            errors.Add("customerNumber", numberError!);
        }

        if (r.StartDate is null)
        {
            errors.Add("startDate", FieldMessages.Required);
        }
        else if (RelationshipRules.PeriodError(r.StartDate.Value, r.EndDate) is { } periodError)
        {
            errors.Add("endDate", periodError);
        }

        var status = r.Status ?? (r.EndDate is null ? RelationshipStatus.Active : RelationshipStatus.Ended);
        if (RelationshipRules.EndError(status, r.EndDate, today) is { } endError)
        {
            errors.Add(endError.Field, endError.Message);
        }

        return new(number, r.StartDate ?? default, r.EndDate, status);
    }

    public void ApplyTo(CustomerRelationship r)
    {
        r.CustomerNumber = Number;
        r.StartDate = StartDate;
        r.EndDate = EndDate;
        r.Status = Status;
    }
}

internal sealed record ContractInput(string Number, string Title, DateOnly StartDate, DateOnly? EndDate, ContractStatus Status)
{
    public static readonly Failure DuplicateNumber = Outcome.Conflict("contractNumber", new LocalText(
        "Toisella sopimuksella on jo tämä sopimusnumero.",
        "Ett annat avtal har redan det här avtalsnumret.",
        "Another contract already has this contract number."));

    public static ContractInput Read(ContractRequest r, FieldErrors errors)
    {
        if (!RelationshipRules.TryNormaliseNumber(r.ContractNumber, out var number, out var numberError))
        {
            errors.Add("contractNumber", numberError!);
        }

        var title = errors.Text("title", r.Title, 200, required: true) ?? "";
        if (r.StartDate is null)
        {
            errors.Add("startDate", FieldMessages.Required);
        }
        else if (RelationshipRules.PeriodError(r.StartDate.Value, r.EndDate) is { } periodError)
        {
            errors.Add("endDate", periodError);
        }

        var status = r.Status ?? ContractStatus.Active;
        if (RelationshipRules.ContractEndError(status, r.EndDate) is { } endError)
        {
            errors.Add(endError.Field, endError.Message);
        }

        return new(number, title, r.StartDate ?? default, r.EndDate, status);
    }

    public void ApplyTo(Contract c)
    {
        c.ContractNumber = Number;
        c.Title = Title;
        c.StartDate = StartDate;
        c.EndDate = EndDate;
        c.Status = Status;
    }
}
