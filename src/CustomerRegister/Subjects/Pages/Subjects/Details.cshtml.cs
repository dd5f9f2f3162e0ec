using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>One person's whole picture on one page; the same use case as GET /api/subjects/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerRead)]
public sealed class DetailsModel(SubjectPictures pictures, BankAccounts bankAccounts, Access access, RegisterDbContext db) : PageModel
{
    public JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public SubjectPicture? Picture { get; private set; }

    public bool MayReveal { get; private set; }

    public string? RevealedBankAccount { get; private set; }

    public bool RevealDenied { get; private set; }

    /// <summary>E.164 as stored, shown in the international format people read ("+358 40 1234567").</summary>
    public string? Phone(string? e164) =>
        e164 is not null && Finnish.PhoneNumber.TryParse(e164, out var phone, out _) ? phone.Formatted() : e164;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(Guid id, string? purpose, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == id, ct);
        if (consumer is null || purpose is null)
        {
            return BadRequest();
        }

        var (outcome, value) = await bankAccounts.RevealAsync(consumer, purpose, ct);
        RevealedBankAccount = value;
        RevealDenied = outcome != RevealOutcome.Revealed;
        if (RevealDenied)
        {
            Response.StatusCode = outcome == RevealOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Picture = await pictures.GetAsync(id, ct);
        MayReveal = await access.HasAsync(Catalog.Categories.BankAccount.RevealPermission!);
        return Picture is not null;
    }
}
