using System.Globalization;
using CustomerRegister.Catalog;
using CustomerRegister.Localization;

namespace CustomerRegister.Requests;

/// <summary>The access letter's values as a Finnish reader reads them (through <see cref="Display"/>).</summary>
public static partial class AccessReportWords
{
    /// <summary>
    /// A stored value as a Finnish reader reads it, whatever the letter's language: dates 4.12.2026, times in Helsinki,
    /// money 1 234,50 €, phones 040 123 4567, enum values and purposes in words, yes/no.
    /// </summary>
    public static string Shown(Microsoft.EntityFrameworkCore.Metadata.IProperty property, object raw, string language)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var name = property.Name;
        if (type.IsEnum)
        {
            var value = raw is string s ? s : System.Enum.ToObject(type, Convert.ToInt64(raw, CultureInfo.InvariantCulture)).ToString()!;
            return EnumWord(type, value, language) ?? value;
        }

        if (type == typeof(DateOnly))
        {
            return CustomerRegister.Retention.RetentionDates.AsDate(raw) is { } d ? Display.Date(d) : raw.ToString() ?? "";
        }

        if (type == typeof(DateTime))
        {
            var utc = raw switch
            {
                System.DateTime t => t,
                string s when System.DateTime.TryParse(s, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => t,
                _ => (DateTime?)null,
            };
            return utc is { } u ? Display.DateTime(u, language) : raw.ToString() ?? "";
        }

        if (type == typeof(bool))
        {
            var yes = raw is bool b ? b : Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0;
            return UiText.Text(yes ? "Display.Yes" : "Display.No").In(language);
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            var number = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
            return name.EndsWith("Kg", StringComparison.Ordinal) ? Display.Number(number) + "\u00a0kg"
                : name.Contains("Amount", StringComparison.Ordinal) ? Display.Money(number)
                : Display.Number(number);
        }

        if (name == "DurationSeconds")
        {
            var seconds = Convert.ToInt32(raw, CultureInfo.InvariantCulture);
            return seconds >= 60
                ? $"{seconds / 60} min {seconds % 60} s"
                : $"{seconds} s";
        }

        var text = raw is IFormattable f ? f.ToString(null, Display.Format) : raw.ToString() ?? "";
        if (name.Contains("Phone", StringComparison.Ordinal) || name == "CallerNumber")
        {
            return Display.Phone(text);
        }

        return name == "Purpose" ? Purposes.Name(text, language) : Answers(text);
    }

    /// <summary>Stored answers ({"question":"answer"}) as "Question: answer · …", never as raw JSON.</summary>
    public static string Answers(string text)
    {
        if (!text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                ? text
                : string.Join(" · ", json.RootElement.EnumerateObject().Select(p =>
                    $"{char.ToUpperInvariant(p.Name[0])}{p.Name[1..].Replace('_', ' ')}: "
                    + (p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }
}
