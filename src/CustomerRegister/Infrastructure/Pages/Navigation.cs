using CustomerRegister.Identity;

namespace CustomerRegister.Infrastructure.Pages;

/// <summary>One entry of the main menu: its text key, where it leads, and the permission that shows it (and a second one, if the page needs both).</summary>
public sealed record NavItem(string TextKey, string Href, string Permission, string? AlsoPermission = null);

/// <summary>The staff menu: each role sees only what it may open (a link to a page it would be refused is not shown).</summary>
public sealed class Navigation(Access access)
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav.Search", "/search", Permissions.CustomerRead),
        new("Nav.Billing", "/billing", Permissions.BillingRead, Permissions.BillingWrite),
        new("Nav.Reception", "/reception", Permissions.VehicleWrite),
        new("Nav.Marketing", "/marketing", Permissions.MarketingRead),
        new("Imports.Title", "/imports", Permissions.ImportRun),
        new("Nav.Dpo", "/dpo", Permissions.RequestHandle),
        new("Nav.Requests", "/requests", Permissions.RequestHandle),
        new("Nav.Breaches", "/breaches", Permissions.RequestHandle),
        new("Nav.Retention", "/retention", Permissions.RetentionRead),
        new("Profiling.Title", "/profiling", Permissions.RequestHandle),
        new("Nav.Audit", "/audit", Permissions.AuditRead),
        new("Nav.Catalog", "/catalog", Permissions.CatalogRead),
        new("Nav.Recipients", "/recipients", Permissions.CatalogRead),
        new("Nav.Admin", "/admin", Permissions.UsersManage),
        new("Units.Title", "/admin/units", Permissions.RecordingConfigure),
    ];

    public async Task<IReadOnlyList<NavItem>> VisibleAsync()
    {
        var visible = new List<NavItem>();
        foreach (var item in Items)
        {
            if (await access.HasAsync(item.Permission) && (item.AlsoPermission is null || await access.HasAsync(item.AlsoPermission)))
            {
                visible.Add(item);
            }
        }

        return visible;
    }

    public Task<bool> MaySearchAsync() => access.HasAsync(Permissions.CustomerRead);
}
