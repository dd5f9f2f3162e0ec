using System.Reflection;

namespace CustomerRegister.Localization;

/// <summary>
/// Marks a static class that holds a feature's page texts in a public static field
/// <c>IReadOnlyDictionary&lt;string, LocalText&gt; Texts</c>; <see cref="UiText"/> merges every such table at start.
/// Name keys after the feature (<c>Billing.Invoice.Title</c>) so that tables never collide.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TextTableAttribute : Attribute
{
    public const string FieldName = "Texts";

    /// <summary>The shared texts plus every feature table in this assembly; a key defined twice throws, naming it.</summary>
    public static Dictionary<string, LocalText> Merge(Dictionary<string, LocalText> shared)
    {
        var tables = typeof(TextTableAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TextTableAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var field = table.GetField(FieldName, BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException($"{table.FullName} is a text table without a public static {FieldName}.");
            foreach (var (key, text) in (IReadOnlyDictionary<string, LocalText>)field.GetValue(null)!)
            {
                if (!shared.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The page text {key} is defined twice (again in {table.FullName}).");
                }
            }
        }

        return shared;
    }
}
