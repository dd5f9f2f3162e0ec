namespace CustomerRegister.Subjects.Pages.Subjects;

/// <summary>A badge in the person page's header (a marketing ban, a restriction); <c>Css</c> is its look.</summary>
public sealed record Badge(string Text, string Css);

/// <summary>
/// A feature's badges for the person page's header, read from its section's items (the marketing section gives the
/// bans, the processing limits the restriction). Registered in the feature's <c>AddX()</c>; shown only when the viewer
/// may read that section.
/// </summary>
public interface ISubjectBadges
{
    string Section { get; }

    IEnumerable<Badge> Of(object items);
}
