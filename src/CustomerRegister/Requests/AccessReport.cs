using System.Text.Json.Serialization;

namespace CustomerRegister.Requests;

/// <summary>The controller as named in the report (configuration section Controller).</summary>
public sealed class ControllerOptions
{
    public const string Section = "Controller";

    public string Name { get; set; } = "Encore Ympäristöpalvelut Oy";

    public string? Email { get; set; }

    public string? ProtectionOfficer { get; set; }

    public string? ProtectionOfficerEmail { get; set; }
}

public sealed record ReportController(string Name, string? Email, string? ProtectionOfficer, string? ProtectionOfficerEmail);

/// <summary>One use of a category: the purpose's id and its name in the report's language, and the legal basis.</summary>
public sealed record ReportUse(string Id, string Name, string Basis);

public sealed record ReportRetention(string RuleId, string Period, string StartingEvent, string Law);

/// <summary>
/// One stored value: its column and raw value for the JSON; its label and the value as a Finnish reader reads it for the
/// letter (not serialised; null when the letter leaves the field out).
/// </summary>
public sealed record ReportField(string Name, string? Value,
    [property: JsonIgnore] string? Label = null, [property: JsonIgnore] string? Shown = null);

/// <summary>One item with its due date (or, while its starting event has not happened, what the period counts from).</summary>
public sealed record ReportItem(string Table, string RowId, string? Source, string? CreatedAt, string? UpdatedAt, IReadOnlyList<ReportField> Fields,
    string? DueDate = null, string? DueNote = null, [property: JsonIgnore] string? Kind = null, [property: JsonIgnore] DateOnly? Due = null);

public sealed record ReportCategory(
    string Id, string Name, IReadOnlyList<ReportUse> Uses, ReportRetention Retention, string Erasure, bool Masked,
    IReadOnlyList<ReportItem> Items, [property: JsonIgnore] string? RetentionWords = null);

/// <summary>A collection agency that received the person's unpaid invoice, and when (for the letter).</summary>
public sealed record ReportHandover(DateTime At, string Agency);

/// <summary>One logged disclosure of the person (Disclosures/): when, to whom, which categories (in words), for what.</summary>
public sealed record ReportDisclosure(DateTime At, string Recipient, string CountryCode, IReadOnlyList<string> Categories, string Purpose);

public sealed record ReportRecipients(IReadOnlyList<string> Groups, string Disclosures, IReadOnlyList<string> CollectionCases,
    [property: JsonIgnore] IReadOnlyList<ReportHandover>? Handovers = null, IReadOnlyList<ReportDisclosure>? Disclosed = null,
    string? Transfers = null);

public sealed record ReportAuthority(string Name, string Address, string Email, string Phone, string Web);

public sealed record ReportAccess(DateTime At, string ActorKind, Guid? ActorId, string? ActorName, string Action, string Purpose);

/// <summary>
/// A GDPR Art 15 access report: every classified item of one person, found by walking the EF model, grouped by
/// catalogue category, with the information Art 15(1) requires beside it.
/// </summary>
public sealed record AccessReport(
    string Language,
    ReportController Controller,
    Guid SubjectId,
    DateTime GeneratedAt,
    string Explanation,
    IReadOnlyList<ReportCategory> Categories,
    ReportRecipients Recipients,
    string Profiling,
    IReadOnlyList<string> Rights,
    ReportAuthority Authority,
    IReadOnlyList<ReportAccess> Accesses,
    bool ProtectedCodesInFull = false,
    [property: JsonIgnore] string? RequesterName = null,
    IReadOnlyList<Imports.ReportImport>? Imports = null);
