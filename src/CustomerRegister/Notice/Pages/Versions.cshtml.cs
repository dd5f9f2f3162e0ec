using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Notice.Pages;

/// <summary>Every version of the notice, newest first (<c>GET /api/notice/versions</c>).</summary>
[AllowAnonymous]
public sealed class VersionsModel(NoticeVersions versions) : PageModel
{
    public IReadOnlyList<NoticeVersionSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await versions.ListAsync(ct);
}
