using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerRegister.Requests.Pages;

/// <summary>The request queue: open requests by due date, overdue first, filtered by type, state, assignee and due (the API's <see cref="RequestQueue"/>).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RequestHandle)]
public sealed class QueueModel(RequestQueue queue, StaffNames staff, UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestState? State { get; set; }

    /// <summary>"me", "none", or empty for anyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestDue? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    public Page<RequestQueueItem> Requests { get; private set; } = new([], null);

    public IReadOnlyDictionary<Guid, string> Staff { get; private set; } = new Dictionary<Guid, string>();

    public bool Narrowed => Type is not null || State is not null || !string.IsNullOrEmpty(Assignee) || Due is not null || After is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // An unknown filter value shows the whole queue rather than failing it.
            ModelState.Clear();
            (Type, State, Due, Assignee) = (null, null, null, null);
        }

        Guid? assignee = Assignee == "me" && await users.GetUserAsync(User) is { } me ? me.Id : null;
        var outcome = await queue.ListAsync(new RequestFilter(Type, State, assignee, Assignee == "none", Due, After), withNames: true, ct);
        if (ModelState.Show(outcome, ""))
        {
            Requests = outcome.Value!;
            Staff = await staff.OfAsync(Requests.Items.Select(i => i.Request.AssignedTo), ct);
        }
    }

    public string Next() => Link(Requests.NextAfter);

    private string Link(Guid? after)
    {
        var query = new QueryString();
        if (Type is { } t)
        {
            query = query.Add("type", t.ToString());
        }

        if (State is { } s)
        {
            query = query.Add("state", s.ToString());
        }

        if (!string.IsNullOrEmpty(Assignee))
        {
            query = query.Add("assignee", Assignee);
        }

        if (Due is { } d)
        {
            query = query.Add("due", d.ToString());
        }

        if (after is { } a)
        {
            query = query.Add("after", a.ToString());
        }

        return "/requests" + query;
    }
}
