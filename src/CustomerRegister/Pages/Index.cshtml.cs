using CustomerRegister.Billing;
using CustomerRegister.Customers;
using CustomerRegister.Identity;
using CustomerRegister.Identity.Pages.Account;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Marketing;
using CustomerRegister.Vehicles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Pages;

/// <summary>
/// The start page: each of the user's roles shows its day's work, read through the features' query classes
/// (the same permissions as their API). A role whose desk is yet to come lists what it may open now.
/// </summary>
public sealed class IndexModel(
    UserManager<AppUser> users, UserAccess userAccess, Access access, Navigation navigation, TimeProvider clock,
    RecentCustomerWork customerWork, InvoiceQueries invoices, ReceptionDesk desk, MarketingOverview marketing,
    Requests.RequestQueue requestQueue) : PageModel
{
    /// <summary>Rows per list on the start page; the full lists are a click away.</summary>
    public const int Rows = 8;

    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public Page<RecentContact>? RecentContacts { get; private set; }

    public Page<OpenFeedback>? Feedback { get; private set; }

    public Counted<InvoiceListItem>? Overdue { get; private set; }

    public Counted<InvoiceListItem>? OpenInvoices { get; private set; }

    public Counted<CollectionCaseListItem>? Cases { get; private set; }

    /// <summary>The scrap-yard desk's day, as the desk shows it.</summary>
    public DeskDay? Reception { get; private set; }

    public Page<UpcomingEvent>? Events { get; private set; }

    /// <summary>The DPO's requests: the counts and the first by due date (overdue first).</summary>
    public Requests.RequestCounts? RequestCounts { get; private set; }

    public IReadOnlyList<Requests.RequestQueueItem>? FirstDueRequests { get; private set; }

    /// <summary>For the roles whose desk is still to come: the menu entries they may open now.</summary>
    public IReadOnlyList<NavItem> Openable { get; private set; } = [];

    public bool Has(string role) => Roles.Contains(role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.MustChangePassword)
        {
            return RedirectToPage(AccountPages.ChangePassword);
        }

        var state = await userAccess.GetAsync(user.Id);
        DisplayName = user.DisplayName;
        Roles = state.Roles;
        Today = HelsinkiTime.Today(clock);

        if (Has(Identity.Roles.CustomerService) && await access.HasAsync(Permissions.CustomerRead))
        {
            RecentContacts = (await customerWork.RecentContactsAsync(null, Rows, ct)).Value;
            Feedback = (await customerWork.OpenFeedbackAsync(null, Rows, ct)).Value;
        }

        if (Has(Identity.Roles.Billing) && await access.HasAsync(Permissions.BillingRead))
        {
            Overdue = new(await invoices.CountAsync(InvoiceListState.Overdue, ct),
                (await invoices.WorklistAsync(InvoiceListState.Overdue, null, null, Rows, ct)).Value!);
            OpenInvoices = new(await invoices.CountAsync(InvoiceListState.Open, ct),
                (await invoices.WorklistAsync(InvoiceListState.Open, null, null, Rows, ct)).Value!);
            Cases = new(await invoices.CountOpenCasesAsync(ct), (await invoices.OpenCasesAsync(null, Rows, ct)).Value!);
        }

        if (Has(Identity.Roles.VehicleReception) && await access.HasAsync(Permissions.VehicleWrite))
        {
            Reception = await desk.TodayAsync(ct);
        }

        if (Has(Identity.Roles.Marketing) && await access.HasAsync(Permissions.MarketingRead))
        {
            Events = (await marketing.UpcomingEventsAsync(null, Rows, ct)).Value;
        }

        if (Has(Identity.Roles.DataProtectionOfficer) && await access.HasAsync(Permissions.RequestHandle))
        {
            RequestCounts = await requestQueue.CountAsync(ct);
            FirstDueRequests = (await requestQueue.ListAsync(new Requests.RequestFilter(Limit: Rows), withNames: true, ct)).Value!.Items;
        }

        if (Has(Identity.Roles.DataProtectionOfficer) || Has(Identity.Roles.Auditor) || Has(Identity.Roles.Administrator))
        {
            Openable = await navigation.VisibleAsync();
        }

        return Page();
    }
}
