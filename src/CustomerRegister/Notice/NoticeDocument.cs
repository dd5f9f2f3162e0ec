using System.Text;

namespace CustomerRegister.Notice;

/// <summary>One paragraph, or a list when <see cref="Items"/> is given.</summary>
public sealed record NoticeBlock(string? Text, IReadOnlyList<string>? Items = null)
{
    public static NoticeBlock List(IEnumerable<string> items) => new(null, [.. items]);
}

/// <summary>One numbered section of the notice (§ 1–13).</summary>
public sealed record NoticeSection(int Number, string Title, IReadOnlyList<NoticeBlock> Blocks);

/// <summary>The notice in one language, as published: what a stored version keeps and the pages show.</summary>
public sealed record NoticeDocument(string Language, string Title, string Subtitle, IReadOnlyList<NoticeSection> Sections)
{
    /// <summary>The notice as plain text: headings, paragraphs, list items on lines of their own.</summary>
    public string PlainText()
    {
        var s = new StringBuilder();
        s.Append(Title).Append('\n').Append(Subtitle).Append('\n');
        foreach (var section in Sections)
        {
            s.Append('\n').Append(section.Number).Append(". ").Append(section.Title).Append('\n');
            foreach (var block in section.Blocks)
            {
                if (block.Text is { } text)
                {
                    s.Append(text).Append('\n');
                }

                foreach (var item in block.Items ?? [])
                {
                    s.Append("- ").Append(item).Append('\n');
                }
            }
        }

        return s.ToString();
    }
}
