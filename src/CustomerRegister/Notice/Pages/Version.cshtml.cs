using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Notice.Pages;

/// <summary>One stored version of the notice as it was published (<c>GET /api/notice/versions/{n}</c>).</summary>
[AllowAnonymous]
public sealed class VersionModel(NoticeVersions versions) : PageModel
{
    public PublishedNotice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        if (await versions.GetAsync(number, NoticePages.Language, ct) is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        return Page();
    }
}
