namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>
/// A panel of the person page: the picture's section it shows (<see cref="ISubjectSection.Name"/>), its anchor, its
/// heading, and the partial view that draws it, which lives with its feature (e.g. <c>/Billing/Pages/Panels/</c>).
/// A panel is drawn only for a viewer who has its section's <see cref="ISubjectSection.ReadPermission"/>; without it the
/// panel leaves no trace.
/// </summary>
public sealed record SubjectPanel(string Section, string Anchor, string TitleKey, string Partial);

/// <summary>What a panel's partial gets: whose page it is, the section's items (null when none are recorded).</summary>
public sealed record PanelData(Guid SubjectId, object? Items, SubjectKind Kind)
{
    public T? As<T>()
        where T : class => Items as T;
}

public static class SubjectPanels
{
    /// <summary>In the order the page shows them.</summary>
    public static readonly IReadOnlyList<SubjectPanel> All =
    [
        new("relationships", "relationships", "Panel.Relationships", "/Customers/Pages/Panels/_Relationships.cshtml"),
        new("contactHistory", "contacts", "Panel.ContactHistory", "/Customers/Pages/Panels/_ContactHistory.cshtml"),
        new("feedback", "feedback", "Panel.Feedback", "/Customers/Pages/Panels/_Feedback.cshtml"),
        new("additionalInfo", "additional-info", "Panel.AdditionalInfo", "/Customers/Pages/Panels/_AdditionalInfo.cshtml"),
        new("marketing", "marketing", "Panel.Marketing", "/Marketing/Pages/Panels/_Marketing.cshtml"),
        new("profiling", "profiling", "Panel.Profiling", "/Profiling/Pages/Panels/_Profiling.cshtml"),
        new("billing", "billing", "Panel.Billing", "/Billing/Pages/Panels/_Billing.cshtml"),
        new("vehicles", "vehicles", "Panel.Vehicles", "/Vehicles/Pages/Panels/_Vehicles.cshtml"),
        new("callRecordings", "recordings", "Panel.Recordings", "/Recordings/Pages/Panels/_Recordings.cshtml"),
        new("requests", "requests", "Panel.Requests", "/Requests/Pages/Panels/_Requests.cshtml"),
        new("processingLimits", "limits", "Panel.ProcessingLimits", "/Restrictions/Pages/Panels/_ProcessingLimits.cshtml"),
        new("imports", "imports", "Imports.Panel.Title", "/Imports/Pages/Panels/_Imports.cshtml"),
        new("disclosures", "disclosures", "Disclosures.Panel.Title", "/Disclosures/Pages/Panels/_Disclosures.cshtml"),
        new("viewers", "viewers", "Audit.Viewers.Title", "/Audit/Pages/Panels/_Viewers.cshtml"),
    ];

    /// <summary>The anchor of the panel showing <paramref name="section"/> on the person page.</summary>
    public static string AnchorOf(string section) => All.First(p => p.Section == section).Anchor;
}
