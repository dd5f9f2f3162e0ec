using System.Globalization;
using CustomerRegister.Infrastructure;
using CustomerRegister.Localization;

namespace CustomerRegister.Billing;

/// <summary>
/// The agency's status file, row by row, as pure rules: each value parsed and checked, each refusal naming its row
/// (the file's line), and what a status does to a case and its invoices. The use case saves nothing unless every row passes.
/// </summary>
public static class CollectionStatusRules
{
    /// <summary>The agency's status codes as its file writes them.</summary>
    public static readonly IReadOnlyDictionary<string, AgencyStatus> Codes = new Dictionary<string, AgencyStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["IN_PROGRESS"] = AgencyStatus.InProgress,
        ["PAID"] = AgencyStatus.Paid,
        ["RETURNED"] = AgencyStatus.Returned,
        ["ENDED"] = AgencyStatus.Ended,
    };

    internal static readonly LocalText ReferenceMissing = new(
        "Rivi {0}: perintätapauksen viite puuttuu tai ei ole kelvollinen.",
        "Rad {0}: indrivningsärendets referens saknas eller är ogiltig.",
        "Row {0}: the case reference is missing or not valid.");

    internal static readonly LocalText UnknownCase = new(
        "Rivi {0}: tällä viitteellä ei löydy perintätapausta.",
        "Rad {0}: inget indrivningsärende har denna referens.",
        "Row {0}: no collection case has this reference.");

    internal static readonly LocalText DuplicateCase = new(
        "Rivi {0}: sama perintätapaus on jo rivillä {1}.",
        "Rad {0}: samma indrivningsärende finns redan på rad {1}.",
        "Row {0}: the same case is already on row {1}.");

    internal static readonly LocalText CaseClosed = new(
        "Rivi {0}: perintätapaus on jo suljettu.",
        "Rad {0}: indrivningsärendet är redan avslutat.",
        "Row {0}: the case is already closed.");

    internal static readonly LocalText NotHandedOver = new(
        "Rivi {0}: tapausta ei ole vielä lähetetty perintätoimistolle.",
        "Rad {0}: ärendet har ännu inte skickats till indrivningsbyrån.",
        "Row {0}: the case has not been sent to the agency yet.");

    internal static readonly LocalText StatusUnknown = new(
        "Rivi {0}: tila puuttuu tai on tuntematon; sallitut: IN_PROGRESS, PAID, RETURNED, ENDED.",
        "Rad {0}: status saknas eller är okänd; tillåtna: IN_PROGRESS, PAID, RETURNED, ENDED.",
        "Row {0}: the status is missing or unknown; allowed: IN_PROGRESS, PAID, RETURNED, ENDED.");

    internal static readonly LocalText DateInvalid = new(
        "Rivi {0}: päivämäärä puuttuu tai ei ole muotoa vvvv-kk-pp.",
        "Rad {0}: datum saknas eller har inte formen åååå-mm-dd.",
        "Row {0}: the date is missing or not in the form yyyy-mm-dd.");

    internal static readonly LocalText DateInFuture = new(
        "Rivi {0}: päivämäärä on tulevaisuudessa.",
        "Rad {0}: datumet ligger i framtiden.",
        "Row {0}: the date is in the future.");

    internal static readonly LocalText DateBeforeOpened = new(
        "Rivi {0}: päivämäärä on ennen perintään siirtoa.",
        "Rad {0}: datumet är före överlämnandet till indrivning.",
        "Row {0}: the date is before the case was opened.");

    internal static readonly LocalText AmountInvalid = new(
        "Rivi {0}: peritty summa ei ole kelvollinen euromäärä (esim. 123.45, vähintään 0, enintään kaksi desimaalia).",
        "Rad {0}: det indrivna beloppet är inte ett giltigt eurobelopp (t.ex. 123.45, minst 0, högst två decimaler).",
        "Row {0}: the amount paid is not a valid euro amount (e.g. 123.45, at least 0, at most two decimals).");

    internal static readonly LocalText PaidNeedsAmount = new(
        "Rivi {0}: maksetuksi ilmoitetulla tapauksella on oltava peritty summa.",
        "Rad {0}: ett ärende som anmälts som betalt måste ha ett indrivet belopp.",
        "Row {0}: a case reported paid needs the amount paid.");

    internal static readonly LocalText AmountAboveOwed = new(
        "Rivi {0}: peritty summa on suurempi kuin tapauksen laskut yhteensä ({1}).",
        "Rad {0}: det indrivna beloppet är större än ärendets fakturor sammanlagt ({1}).",
        "Row {0}: the amount paid is more than the case's invoices in total ({1}).");

    internal static readonly LocalText AmountBelowEarlier = new(
        "Rivi {0}: peritty summa on pienempi kuin aiemmin ilmoitettu ({1}).",
        "Rad {0}: det indrivna beloppet är mindre än det som anmälts tidigare ({1}).",
        "Row {0}: the amount paid is less than reported before ({1}).");

    /// <summary>A row that passed its own checks: which case, what status, on which day, how much collected by then.</summary>
    public sealed record StatusLine(int Line, Guid CaseId, AgencyStatus Status, DateOnly On, decimal? AmountPaid);

    /// <summary>What the register knows of a case when a row names it.</summary>
    public sealed record CaseFacts(CollectionStatus Status, bool HandedOver, DateOnly OpenedOn, decimal InvoicedTotal, decimal? EarlierPaid);

    /// <summary>The field key of a row's refusal: the row's line and the column.</summary>
    public static string Key(int line, string column) => $"rows[{line}].{column}";

    /// <summary>The refusals in file order: by row, then as they were found (a row's own checks before those against its case).</summary>
    public static FieldErrors ByRow(FieldErrors errors)
    {
        var sorted = new FieldErrors();
        foreach (var (field, messages) in errors.Messages.OrderBy(e => LineOf(e.Key)))
        {
            foreach (var message in messages)
            {
                sorted.Add(field, message);
            }
        }

        return sorted;
    }

    private static int LineOf(string key) =>
        key.StartsWith("rows[", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5, key.IndexOf(']') - 5), out var line) ? line : 0;

    /// <summary>Parses one row; refusals go to <paramref name="errors"/> keyed by the row, and null is returned.</summary>
    public static StatusLine? Parse(CollectionFile.StatusRow row, FieldErrors errors)
    {
        var ok = true;
        if (!Guid.TryParse(row.CaseReference, out var caseId))
        {
            errors.Add(Key(row.Line, "case_reference"), ReferenceMissing.Format(row.Line));
            ok = false;
        }

        if (row.Status is null || !Codes.TryGetValue(row.Status, out var status))
        {
            errors.Add(Key(row.Line, "status"), StatusUnknown.Format(row.Line));
            status = default;
            ok = false;
        }

        if (!DateOnly.TryParseExact(row.Date, CollectionFile.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            errors.Add(Key(row.Line, "date"), DateInvalid.Format(row.Line));
            ok = false;
        }

        decimal? amount = null;
        if (row.AmountPaid is { } text)
        {
            if (ParseAmount(text) is { } parsed)
            {
                amount = parsed;
            }
            else
            {
                errors.Add(Key(row.Line, "amount_paid"), AmountInvalid.Format(row.Line));
                ok = false;
            }
        }
        else if (status == AgencyStatus.Paid)
        {
            errors.Add(Key(row.Line, "amount_paid"), PaidNeedsAmount.Format(row.Line));
            ok = false;
        }

        return ok ? new StatusLine(row.Line, caseId, status, on, amount) : null;
    }

    /// <summary>An amount as the agency writes it: a point (or a comma) before the cents, never negative, at most two decimals.</summary>
    public static decimal? ParseAmount(string text)
    {
        var normalised = text.Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
               && amount >= 0 && decimal.Round(amount, 2) == amount && amount < BillingRules.MaxAmount
            ? amount
            : null;
    }

    /// <summary>Checks a parsed row against the case it names; refusals go to <paramref name="errors"/>.</summary>
    public static void Check(StatusLine line, CaseFacts? facts, DateOnly today, FieldErrors errors)
    {
        var reference = Key(line.Line, "case_reference");
        if (facts is null)
        {
            errors.Add(reference, UnknownCase.Format(line.Line));
        }
        else if (facts.Status == CollectionStatus.Closed)
        {
            errors.Add(reference, CaseClosed.Format(line.Line));
        }
        else if (!facts.HandedOver)
        {
            errors.Add(reference, NotHandedOver.Format(line.Line));
        }

        if (line.On > today)
        {
            errors.Add(Key(line.Line, "date"), DateInFuture.Format(line.Line));
        }

        if (facts is null)
        {
            return;
        }

        if (line.On < facts.OpenedOn && line.On <= today)
        {
            errors.Add(Key(line.Line, "date"), DateBeforeOpened.Format(line.Line));
        }

        if (line.AmountPaid is { } paid)
        {
            if (paid > facts.InvoicedTotal)
            {
                errors.Add(Key(line.Line, "amount_paid"), AmountAboveOwed.Format(line.Line, CollectionFile.Money(facts.InvoicedTotal)));
            }
            else if (facts.EarlierPaid is { } earlier && paid < earlier)
            {
                errors.Add(Key(line.Line, "amount_paid"), AmountBelowEarlier.Format(line.Line, CollectionFile.Money(earlier)));
            }
        }
    }

    /// <summary>Whether the status ends the case on our side: paid, returned uncollected, or ended by the agency.</summary>
    public static bool ClosesCase(AgencyStatus status) => status != AgencyStatus.InProgress;

    /// <summary>
    /// An invoice's state after the agency's status: paid through collection closes it as paid; returned or ended brings
    /// an unpaid one back to open (as closing a case does); in progress changes nothing.
    /// </summary>
    public static InvoiceStatus InvoiceAfter(AgencyStatus status, InvoiceStatus current, decimal invoiceAmount, decimal paidTotal) => status switch
    {
        AgencyStatus.Paid when current == InvoiceStatus.InCollection => InvoiceStatus.Paid,
        AgencyStatus.Returned or AgencyStatus.Ended => BillingRules.AfterCollectionClosed(current, invoiceAmount, paidTotal),
        _ => current,
    };
}
