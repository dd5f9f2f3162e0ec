using PdfSharp.Fonts;

namespace CustomerRegister.Infrastructure.Pdf;

/// <summary>
/// PDFsharp 6 reads no system fonts outside Windows, so this resolver finds one TrueType sans-serif that has the
/// Finnish and Swedish letters (DejaVu Sans, else Liberation Sans, else Arial) in the usual font folders, and
/// answers every family the PDF asks for with it.
/// </summary>
public sealed class PdfFontResolver : IFontResolver
{
    public const string Family = "Report Sans";

    private const string RegularFace = "report-sans-regular";
    private const string BoldFace = "report-sans-bold";

    private static readonly Lock Gate = new();

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
    ];

    private readonly Lazy<(string Regular, string? Bold)> _files = new(Find);

    private PdfFontResolver()
    {
    }

    public static PdfFontResolver Instance { get; } = new();

    /// <summary>Installs the resolver for the process (PDFsharp's font settings are global) and checks a font exists.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFontResolver)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }

        _ = Instance._files.Value;
    }

    /// <summary>The folders searched (recursively), in order.</summary>
    public static IReadOnlyList<string> Folders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return
        [
            "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts"),
            "/Library/Fonts", "/System/Library/Fonts", Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var hasBold = _files.Value.Bold is not null;
        return new FontResolverInfo(bold && hasBold ? BoldFace : RegularFace, bold && !hasBold, italic);
    }

    public byte[]? GetFont(string faceName) =>
        File.ReadAllBytes(faceName == BoldFace && _files.Value.Bold is { } bold ? bold : _files.Value.Regular);

    private static (string Regular, string? Bold) Find()
    {
        var folders = Folders().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.ttf", options))
            {
                files.TryAdd(Path.GetFileName(file), file);
            }
        }

        foreach (var (regular, bold) in Candidates)
        {
            if (files.TryGetValue(regular, out var r))
            {
                return (r, files.GetValueOrDefault(bold));
            }
        }

        throw new InvalidOperationException(
            $"No font for PDF reports: none of {string.Join(", ", Candidates.Select(c => c.Regular))} was found in "
            + $"{string.Join(", ", folders)}. Install fonts-dejavu-core (or fonts-liberation).");
    }
}
