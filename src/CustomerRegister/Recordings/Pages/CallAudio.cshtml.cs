using CustomerRegister.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Recordings.Pages;

/// <summary>
/// A call recording's audio for the person page's player, under the staff sign-in cookie (the <c>/api</c> routes take
/// a bearer token or an API key, which an <c>&lt;audio&gt;</c> element cannot send). The same audited use case as
/// <c>GET /api/recordings/calls/{id}/audio</c>, with range requests so that the player can seek.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RecordingRead)]
public sealed class CallAudioModel(RecordingHandler<CallRecording> calls) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await calls.OpenAsync(id, calls.Kind.Purpose, ct);
        if (outcome.Value is not { Content: { } content } file)
        {
            return NotFound();
        }

        return new FileStreamResult(content, file.ContentType) { EnableRangeProcessing = true };
    }
}
