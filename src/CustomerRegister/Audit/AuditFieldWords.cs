using CustomerRegister.Catalog;
using CustomerRegister.Localization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Audit;

/// <summary>
/// The names an audit event lists (category ids such as <c>contact.email</c>, or column and property names such as
/// <c>bank_account</c>) in words: each read back to its data category through the catalogue. A name that is no
/// category's (a request's state, a setting) is counted, not shown raw.
/// </summary>
public sealed class AuditFieldWords
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, AuditFieldWords> Cache = [];

    private readonly Dictionary<string, DataCategory> _byName = new(StringComparer.OrdinalIgnoreCase);

    private AuditFieldWords(IModel model)
    {
        foreach (var category in Categories.All)
        {
            _byName[category.Id] = category;
        }

        foreach (var field in PersonalDataCatalog.Build(model).Fields)
        {
            _byName.TryAdd(field.Column, field.Category);
            _byName.TryAdd(field.Property, field.Category);
        }
    }

    public static AuditFieldWords Of(IModel model) => Cache.GetValue(model, m => new AuditFieldWords(m));

    /// <summary>"Nimi, Puhelinnumero ja 2 muuta tietoa".</summary>
    public string Describe(IEnumerable<string> names)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var words = new List<string>();
        var others = 0;
        foreach (var name in names)
        {
            if (_byName.TryGetValue(name, out var category))
            {
                var word = category.Name(language);
                if (!words.Contains(word))
                {
                    words.Add(word);
                }
            }
            else
            {
                others++;
            }
        }

        return (words.Count, others) switch
        {
            (_, 0) => string.Join(", ", words),
            (0, _) => UiText.Format("Audit.Fields.Others", others),
            _ => UiText.Format("Audit.Fields.AndOthers", string.Join(", ", words), others),
        };
    }
}
