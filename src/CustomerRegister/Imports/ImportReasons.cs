using CustomerRegister.Localization;

namespace CustomerRegister.Imports;

/// <summary>A row's refusal reasons as stored: one <c>column|fi|sv|en</c> line each (the texts hold no values).</summary>
public static class ImportReasons
{
    public static string? Join(IEnumerable<(string Column, LocalText Reason)> reasons)
    {
        var lines = reasons.Select(r => string.Join('|', r.Column, Clean(r.Reason.Fi), Clean(r.Reason.Sv), Clean(r.Reason.En))).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    public static IReadOnlyList<(string Column, LocalText Reason)> Split(string? reasons) =>
        reasons is null
            ? []
            : [.. reasons.Split('\n').Select(l => l.Split('|')).Where(p => p.Length == 4).Select(p => (p[0], new LocalText(p[1], p[2], p[3])))];

    private static string Clean(string text) => text.Replace('|', '/').Replace('\n', ' ');
}
