using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Restrictions;
using CustomerRegister.Vehicles;
using CustomerRegister.Vehicles.Pages.Panels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>One person's whole picture on one page; the same use case as GET /api/subjects/{id}.</summary>
[Authorize(Policy = Identity.Permissions.PolicyPrefix + Identity.Permissions.CustomerRead)]
public sealed class DetailsModel(SubjectPictures pictures, BankAccounts bankAccounts, Access access, RegisterDbContext db,
    IEnumerable<ISubjectSection> sections, IEnumerable<ISubjectBadges> badges, StaffNames staffNames, CertificateQueries certificates) : PageModel
{
    public SubjectPicture? Picture { get; private set; }

    /// <summary>The panels this viewer may read, each with its section's items (null when none are recorded).</summary>
    public IReadOnlyList<(SubjectPanel Panel, PanelData Data)> Panels { get; private set; } = [];

    /// <summary>The header's badges, from the panels this viewer may read.</summary>
    public IReadOnlyList<Badge> Badges { get; private set; } = [];

    public bool MayReveal { get; private set; }

    public string? RevealedBankAccount { get; private set; }

    public bool RevealDenied { get; private set; }

    /// <summary>May the viewer change the person's details (and so see the edit actions).</summary>
    public bool MayWrite { get; private set; }

    /// <summary>May the viewer set or change the bank account.</summary>
    public bool MaySetBankAccount { get; private set; }

    /// <summary>The names of the staff members named in the panels (who logged a contact).</summary>
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The person's processing is restricted (Art 18), as the processing-limits section shows: no marketing reaches them.</summary>
    public bool Restricted { get; private set; }

    /// <summary>A scrapping certificate's identity code revealed (or refused) on this request.</summary>
    public RevealedIdentityCode? RevealedIdentityCode { get; private set; }

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

    /// <summary>Reveals one certificate's identity code for a stated purpose: the same audited use case as the API's ?reveal=identityCode.</summary>
    public async Task<IActionResult> OnPostRevealIdentityCodeAsync(Guid id, Guid certificateId, string? purpose, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (purpose is null)
        {
            return BadRequest();
        }

        var outcome = await certificates.GetAsync(certificateId, "identityCode", purpose, ct);
        if (outcome.Value is not { } read || read.Item.SubjectId != id)
        {
            return outcome.NotFound ? NotFound() : BadRequest();
        }

        RevealedIdentityCode = new RevealedIdentityCode(certificateId, read.Value, read.Forbidden);
        if (read.Forbidden)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Picture = await pictures.GetAsync(id, ct);
        if (Picture is null)
        {
            return false;
        }

        MayReveal = await access.HasAsync(Catalog.Categories.BankAccount.RevealPermission!);
        MayWrite = await access.HasAsync(Identity.Permissions.CustomerWrite);
        MaySetBankAccount = await access.HasAsync(Identity.Permissions.BillingWrite);
        var byName = sections.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var panels = new List<(SubjectPanel, PanelData)>();
        foreach (var panel in SubjectPanels.All)
        {
            if (await access.HasAsync(byName[panel.Section].ReadPermission))
            {
                panels.Add((panel, new PanelData(id, Picture.Sections.GetValueOrDefault(panel.Section), Picture.Kind)));
            }
        }

        Panels = panels;
        StaffNames = await staffNames.OfAsync(StaffOf(panels), ct);
        Restricted = Picture.Sections.GetValueOrDefault("processingLimits") is IEnumerable<ProcessingLimitSummary> limits
            && limits.Any(l => l.Kind == LimitKind.Restriction);
        Badges = [.. from b in badges
                     join p in panels on b.Section equals p.Item1.Section
                     where p.Item2.Items is not null
                     from badge in b.Of(p.Item2.Items!)
                     select badge];
        return true;
    }

    private static IEnumerable<Guid?> StaffOf(IEnumerable<(SubjectPanel Panel, PanelData Data)> panels)
    {
        foreach (var (_, data) in panels)
        {
            if (data.Items is IEnumerable<ContactHistoryResponse> contacts)
            {
                foreach (var c in contacts)
                {
                    yield return c.StaffUserId;
                }
            }
        }
    }
}
