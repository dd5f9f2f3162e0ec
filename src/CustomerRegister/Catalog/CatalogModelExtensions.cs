using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Catalog;

/// <summary>
/// How an entity configuration declares what each property is: personal data of a category, not personal data
/// (with the reason), or a table outside the register altogether (staff accounts, the audit trail).
/// </summary>
public static class CatalogModelExtensions
{
    public const string CategoryAnnotation = "Register:Category";
    public const string NotPersonalAnnotation = "Register:NotPersonal";
    public const string OutsideRegisterAnnotation = "Register:OutsideRegister";
    public const string RetainedFromAnnotation = "Register:RetainedFrom";
    public const string NotLinkableAnnotation = "Register:NotLinkableToSubject";
    public const string KeepsPrincipalAnnotation = "Register:KeepsPrincipal";

    public static PropertyBuilder<T> IsPersonal<T>(this PropertyBuilder<T> property, DataCategory category) =>
        property.HasAnnotation(CategoryAnnotation, category.Id);

    public static PropertyBuilder<T> IsNotPersonal<T>(this PropertyBuilder<T> property, string why) =>
        property.HasAnnotation(NotPersonalAnnotation, why);

    public static EntityTypeBuilder<T> IsOutsideRegister<T>(this EntityTypeBuilder<T> entity, string why)
        where T : class =>
        entity.HasAnnotation(OutsideRegisterAnnotation, why);

    /// <summary>Names the property from which a kept item's retention period counts (its starting event, notice § 11).</summary>
    public static EntityTypeBuilder<T> RetainedFrom<T>(this EntityTypeBuilder<T> entity, string property)
        where T : class =>
        entity.HasAnnotation(RetainedFromAnnotation, property);

    /// <summary>
    /// Declares a voucher's link to a profile row it rests on (an invoice's customer relationship): erasure and the
    /// profile purge keep the row whole while a voucher points at it, and the sweep removes it once none does.
    /// </summary>
    public static ReferenceCollectionBuilder<TPrincipal, TDependent> KeepsPrincipal<TPrincipal, TDependent>(
        this ReferenceCollectionBuilder<TPrincipal, TDependent> link)
        where TPrincipal : class
        where TDependent : class =>
        link.HasAnnotation(KeepsPrincipalAnnotation, true);

    /// <summary>
    /// Declares classified rows that by their nature name no person (CCTV footage): the access report and erasure do
    /// not look for a subject's rows there; they are kept and deleted by their own retention period.
    /// </summary>
    public static EntityTypeBuilder<T> IsNotLinkableToSubject<T>(this EntityTypeBuilder<T> entity, string why)
        where T : class =>
        entity.HasAnnotation(NotLinkableAnnotation, why);
}
