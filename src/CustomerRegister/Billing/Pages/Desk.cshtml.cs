using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Billing.Pages;

/// <summary>
/// The billing desk: unpaid invoices across customers (most overdue first) and open collection cases, through the
/// same <see cref="InvoiceQueries"/> as the API. It is the billing staff's desk, so it needs both Billing.Read and
/// Billing.Write (as the menu entry does): customer service reads one person's invoices on the person page, and the
/// scrap-yard desk only pays metal credits.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingRead)]
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.BillingWrite)]
public sealed class DeskModel(InvoiceQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InvoiceListState State { get; set; } = InvoiceListState.Open;

    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CasesAfter { get; set; }

    public Page<InvoiceListItem> Invoices { get; private set; } = new([], null);

    public Page<CollectionCaseListItem> Cases { get; private set; } = new([], null);

    /// <summary>True when the list is past its first page or filtered (a way back to the start is offered).</summary>
    public bool Narrowed => After is not null || CasesAfter is not null || Customer is not null || State != InvoiceListState.Open;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // An unknown ?state= falls back to the default list rather than failing the desk.
            ModelState.Clear();
            State = InvoiceListState.Open;
        }

        var invoices = await queries.WorklistAsync(State, Customer, After, null, ct);
        if (ModelState.Show(invoices, ""))
        {
            Invoices = invoices.Value!;
        }

        var cases = await queries.OpenCasesAsync(CasesAfter, null, ct);
        if (cases.IsOk)
        {
            Cases = cases.Value!;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The link to the next page of invoices (cases stay where they were), keeping the filter.</summary>
    public string NextInvoices() => Link(Invoices.NextAfter, CasesAfter);

    public string NextCases() => Link(After, Cases.NextAfter);

    private string Link(Guid? after, Guid? casesAfter)
    {
        var query = new QueryString()
            .Add("state", State.ToString().ToLowerInvariant());
        if (Customer is { Length: > 0 } c)
        {
            query = query.Add("customer", c);
        }

        if (after is { } a)
        {
            query = query.Add("after", a.ToString());
        }

        if (casesAfter is { } ca)
        {
            query = query.Add("casesAfter", ca.ToString());
        }

        return "/billing" + query;
    }
}
