using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using CustomerRegister.Vehicles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerRegister.Search;

/// <summary>Keeps the search entries of a record in step with it: written in the same SaveChanges as the record.</summary>
public static class SearchIndex
{
    public const string NameField = "name";
    public const string PhoneField = "phone";
    public const string EmailField = "email";
    public const string BusinessIdField = "business_id";

    /// <summary>Customer and contract numbers, indexed on the customer they belong to (see <see cref="SearchText.Code"/>).</summary>
    public const string CustomerNumberField = "customer_number";

    /// <summary>Vehicle registration numbers, indexed on the vehicle's owner (see <see cref="SearchText.Code"/>).</summary>
    public const string RegistrationField = "registration";

    /// <summary>Fields holding codes: matched by prefix of <see cref="SearchText.Code"/> whenever a query has a digit.</summary>
    public static readonly string[] CodeFields = [CustomerNumberField, RegistrationField];

    /// <summary>
    /// The mapped properties each field's terms are derived from. Their catalogue categories (declared once, in the EF
    /// configuration) decide who may search by the field: see <see cref="ReadPermissions"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (Type Entity, string Property)[]> Sources =
        new Dictionary<string, (Type Entity, string Property)[]>(StringComparer.Ordinal)
        {
            [NameField] =
            [
                (typeof(Consumer), nameof(Consumer.FirstName)), (typeof(Consumer), nameof(Consumer.LastName)),
                (typeof(ContactPerson), nameof(ContactPerson.FirstName)), (typeof(ContactPerson), nameof(ContactPerson.LastName)),
                (typeof(Organisation), nameof(Organisation.Name)),
            ],
            [PhoneField] = [(typeof(Consumer), nameof(Consumer.Phone)), (typeof(ContactPerson), nameof(ContactPerson.Phone))],
            [EmailField] = [(typeof(Consumer), nameof(Consumer.Email)), (typeof(ContactPerson), nameof(ContactPerson.Email))],
            [BusinessIdField] = [(typeof(Organisation), nameof(Organisation.BusinessId))],
            [CustomerNumberField] =
            [
                (typeof(CustomerRelationship), nameof(CustomerRelationship.CustomerNumber)), (typeof(Contract), nameof(Contract.ContractNumber)),
            ],
            [RegistrationField] = [(typeof(ScrappingCertificate), nameof(ScrappingCertificate.RegistrationNumber))],
        };

    /// <summary>
    /// Field → the read permissions of the categories its sources belong to, from the catalogue. A caller may search
    /// by a field (and see it in <c>matchedFields</c>) only with all of them.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ReadPermissions(IModel model) =>
        Sources.ToDictionary(s => s.Key, s => s.Value.Select(source => CategoryOf(model, source).ReadPermission).Distinct().Order().ToArray(),
            StringComparer.Ordinal);

    private static DataCategory CategoryOf(IModel model, (Type Entity, string Property) source) =>
        model.FindEntityType(source.Entity)?.FindProperty(source.Property)?.FindAnnotation(CatalogModelExtensions.CategoryAnnotation)?.Value
            is string id
            ? Categories.Get(id)
            : throw new InvalidOperationException($"{source.Entity.Name}.{source.Property} feeds search but has no catalogue category.");

    public static async Task ReplaceAsync(RegisterDbContext db, SearchTarget kind, Guid targetId, Guid? subjectId, string sortKey,
        IEnumerable<(string Field, string Term)> terms, bool isNew, CancellationToken ct)
    {
        if (!isNew)
        {
            // Code terms (customer, contract, registration numbers) belong to other features' records: keep them.
            db.RemoveRange(await db.Set<SearchEntry>().Where(e => e.TargetId == targetId && !CodeFields.Contains(e.Field)).ToListAsync(ct));
        }

        db.AddRange(EntriesOf(kind, targetId, subjectId, sortKey, terms));
    }

    /// <summary>The entries of a record's terms, each once: what <see cref="ReplaceAsync"/> writes and the demo seeder bulk-loads.</summary>
    public static IEnumerable<SearchEntry> EntriesOf(SearchTarget kind, Guid targetId, Guid? subjectId, string? sortKey,
        IEnumerable<(string Field, string Term)> terms) =>
        terms.Distinct().Select(t => new SearchEntry
        {
            Term = t.Term,
            Field = t.Field,
            TargetKind = kind,
            TargetId = targetId,
            SubjectId = subjectId,
            SortKey = sortKey,
        });

    /// <summary>How people and organisations are ordered in results: by folded name, last name first.</summary>
    public static string SortKeyOf(Consumer c) => Truncate(SearchText.Fold($"{c.LastName} {c.FirstName}"));

    public static string SortKeyOf(ContactPerson c) => Truncate(SearchText.Fold($"{c.LastName} {c.FirstName}"));

    public static string SortKeyOf(Organisation o) => Truncate(SearchText.Fold(o.Name));

    private static string Truncate(string key) => key.Length <= 200 ? key : key[..200];

    public static IEnumerable<(string Field, string Term)> TermsOf(Consumer c) =>
        Person(c.FirstName, c.LastName, c.Phone, c.Email);

    public static IEnumerable<(string Field, string Term)> TermsOf(ContactPerson c) =>
        Person(c.FirstName, c.LastName, c.Phone, c.Email);

    public static IEnumerable<(string Field, string Term)> TermsOf(Organisation o)
    {
        foreach (var token in SearchText.NameTokens(o.Name))
        {
            yield return (NameField, token);
        }

        if (o.BusinessId is not null)
        {
            yield return (BusinessIdField, o.BusinessId);
        }
    }

    private static IEnumerable<(string Field, string Term)> Person(string first, string last, string? phone, string? email)
    {
        foreach (var token in SearchText.NameTokens(first, last))
        {
            yield return (NameField, token);
        }

        if (phone is not null)
        {
            yield return (PhoneField, PhoneTerm(phone));
        }

        if (email is not null)
        {
            yield return (EmailField, email.ToLowerInvariant());
        }
    }

    /// <summary>Phones are indexed as E.164 digits without the plus, so a prefix of the number finds it.</summary>
    public static string PhoneTerm(string e164) => e164.TrimStart('+');
}
