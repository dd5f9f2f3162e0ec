using Microsoft.AspNetCore.Identity;

namespace CustomerRegister.Identity;

/// <summary>A member of the controller's staff. Staff accounts are not register subjects.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for a generated one-time password: the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
