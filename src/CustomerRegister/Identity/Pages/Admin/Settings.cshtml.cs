using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Identity.Pages.Admin;

/// <summary>The settings in force, read-only; secrets only as set or not (the read of GET /api/settings).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.UsersManage)]
public sealed class SettingsModel(SettingsOverview settings) : PageModel
{
    public IReadOnlyList<SettingsSectionResponse> Sections { get; private set; } = [];

    public void OnGet() => Sections = settings.List();
}
