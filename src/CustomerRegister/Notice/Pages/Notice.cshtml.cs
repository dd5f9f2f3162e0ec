using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Notice.Pages;

/// <summary>The privacy notice in force, public: the same <see cref="NoticeVersions"/> as <c>GET /api/notice</c>.</summary>
[AllowAnonymous]
public sealed class NoticeModel(NoticeVersions versions) : PageModel
{
    public PublishedNotice Notice { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Notice = await versions.CurrentAsync(NoticePages.Language, ct);
}
