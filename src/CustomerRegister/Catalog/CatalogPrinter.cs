using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRegister.Catalog;

/// <summary>The catalogue as text (one block per category, its fields beneath) or JSON — the `catalog` verb.</summary>
public static class CatalogPrinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteTextAsync(PersonalDataCatalog catalog, TextWriter output)
    {
        foreach (var category in Categories.All)
        {
            var fields = catalog.Fields.Where(f => f.Category == category).ToList();
            await output.WriteLineAsync($"{category.Id} — {category.NameEn} / {category.NameFi}");
            await output.WriteLineAsync($"  uses:      {string.Join("; ", category.Uses.Select(u => $"{u.Purpose} ({u.Basis})"))}");
            await output.WriteLineAsync($"  retention: {category.Retention.Id}: {category.Retention.DefaultPeriod.En} from {category.Retention.StartingEvent.En} ({category.Retention.Law})");
            await output.WriteLineAsync($"  erasure:   {category.Erasure}");
            await output.WriteLineAsync($"  read:      {category.ReadPermission}{(category.Masked ? $", masked; reveal with {category.RevealPermission}" : "")}");
            await output.WriteLineAsync($"  write:     {category.WritePermission}");
            await output.WriteLineAsync(fields.Count == 0
                ? "  fields:    (none stored yet)"
                : "  fields:    " + string.Join(", ", fields.Select(f => $"{f.Table}.{f.Column}")));
            await output.WriteLineAsync();
        }
    }

    public static async Task WriteJsonAsync(PersonalDataCatalog catalog, TextWriter output)
    {
        var document = Categories.All.Select(c => new
        {
            c.Id,
            Names = new { fi = c.NameFi, sv = c.NameSv, en = c.NameEn },
            c.Uses,
            c.Retention,
            c.Erasure,
            c.ReadPermission,
            c.WritePermission,
            c.Masked,
            c.RevealPermission,
            Fields = catalog.Fields.Where(f => f.Category == c).Select(f => new { f.Table, f.Column, Entity = f.EntityType.Name, f.Property }),
        });
        await output.WriteLineAsync(JsonSerializer.Serialize(document, Json));
    }
}
