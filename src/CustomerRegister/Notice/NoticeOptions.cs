using CustomerRegister.Localization;

namespace CustomerRegister.Notice;

/// <summary>A text configured in each language (configuration: <c>{ "Fi": "..", "Sv": "..", "En": ".." }</c>).</summary>
public sealed class ConfiguredText
{
    public string Fi { get; set; } = "";

    public string? Sv { get; set; }

    public string? En { get; set; }

    /// <summary>The text in the language; Finnish when the language has none.</summary>
    public string In(string language) => new LocalText(Fi, Sv is { Length: > 0 } ? Sv : Fi, En is { Length: > 0 } ? En : Fi).In(language);
}

/// <summary>A person responsible for register matters (notice § 2–3).</summary>
public sealed class NoticeContact
{
    public string Name { get; set; } = "";

    /// <summary>The person's task, e.g. "viestintä ja markkinointi".</summary>
    public ConfiguredText Role { get; set; } = new();

    public string? Email { get; set; }
}

/// <summary>
/// What the published privacy notice takes from configuration beyond the controller itself
/// (<see cref="Requests.ControllerOptions"/>: name, customer-service email, DPO): the register's name, the people
/// responsible for register matters, the controller's address and the security measures outside the software
/// (locked rooms, hosting). Everything else in the notice is read from the catalogue and the settings in force.
/// </summary>
public sealed class NoticeOptions
{
    public const string Section = "Notice";

    public ConfiguredText RegisterName { get; set; } = new() { Fi = "Asiakastietojen rekisteri", Sv = "Kundregister", En = "Customer register" };

    public string? Address { get; set; }

    public List<NoticeContact> Contacts { get; set; } = [];

    /// <summary>Security measures the software cannot know of (premises, hosting), each one statement.</summary>
    public List<ConfiguredText> Security { get; set; } = [];
}
