using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Catalog;

/// <summary>One personal-data property of the model and the category it belongs to.</summary>
public sealed record CatalogField(Type EntityType, string Table, string Property, string Column, DataCategory Category);

/// <summary>
/// The personal-data catalogue, read from the EF model's declarations: every classified property with its
/// category. Access reports, erasure, retention, masking, the published notice and the Art 30 record read it.
/// </summary>
public sealed class PersonalDataCatalog
{
    private readonly Dictionary<(Type, string), CatalogField> _byProperty;

    private PersonalDataCatalog(IReadOnlyList<CatalogField> fields)
    {
        Fields = fields;
        _byProperty = fields.ToDictionary(f => (f.EntityType, f.Property));
    }

    public IReadOnlyList<CatalogField> Fields { get; }

    public IEnumerable<DataCategory> Categories => Fields.Select(f => f.Category).Distinct();

    public CatalogField? Find(Type entity, string property) => _byProperty.GetValueOrDefault((entity, property));

    public IEnumerable<CatalogField> FieldsOf(Type entity) => Fields.Where(f => f.EntityType == entity);

    public static PersonalDataCatalog Build(IModel model)
    {
        var fields = new List<CatalogField>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(CatalogModelExtensions.CategoryAnnotation)?.Value is string id)
                {
                    fields.Add(new CatalogField(entity.ClrType, entity.GetTableName() ?? entity.ClrType.Name, property.Name,
                        property.GetColumnName(), Catalog.Categories.Get(id)));
                }
            }
        }

        return new PersonalDataCatalog(fields);
    }

    /// <summary>Properties that are neither classified nor declared not personal, in tables inside the register.</summary>
    public static IReadOnlyList<string> FindUndeclared(IModel model) =>
        [.. from entity in model.GetEntityTypes()
            where entity.FindAnnotation(CatalogModelExtensions.OutsideRegisterAnnotation) is null
            from property in entity.GetProperties()
            where property.FindAnnotation(CatalogModelExtensions.CategoryAnnotation) is null
                  && property.FindAnnotation(CatalogModelExtensions.NotPersonalAnnotation) is null
            select $"{entity.ClrType.Name}.{property.Name}"];
}
