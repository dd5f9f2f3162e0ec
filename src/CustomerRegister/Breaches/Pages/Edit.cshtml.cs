using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure.Pages;
using CustomerRegister.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Breaches.Pages;

/// <summary>
/// Corrects or completes a breach's facts (<c>/breaches/{id}/edit</c>) through the same <see cref="BreachRegister.UpdateAsync"/>
/// as <c>PUT /api/breaches/{id}</c>; a save over a change made meanwhile keeps the input and says so.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class EditModel(BreachRegister register, RegisterDbContext db) : PageModel, IBreachFormPage
{
    [BindProperty]
    public BreachForm Input { get; set; } = new();

    public Guid Id { get; private set; }

    [TempData(Key = BreachPages.NoticeKey)]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var breach = await db.Set<Breach>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null)
        {
            return NotFound();
        }

        Input = BreachForm.Of(breach);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await register.UpdateAsync(id, Input.ToInput(), ct).CatchStale();
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!ModelState.Show(outcome))
        {
            if (outcome.IsStale() && await db.Set<Breach>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } current)
            {
                // The next save applies to what is stored now; the user's input stays in the form.
                ModelState.Remove("Input.Version");
                Input.Version = current.Version;
            }

            return Page();
        }

        Notice = UiText.Get("Breaches.Edit.Saved");
        return Redirect($"/breaches/{id}");
    }
}
