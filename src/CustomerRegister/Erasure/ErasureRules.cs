using CustomerRegister.Catalog;

namespace CustomerRegister.Erasure;

/// <summary>What erasure does to a table's rows of the person.</summary>
public enum TableFate
{
    /// <summary>The rows go (or, where a kept row still points at one, it stays emptied of every personal value).</summary>
    Delete = 1,

    /// <summary>The rows stay for statistics, unlinked from the person, their text emptied.</summary>
    Anonymise = 2,

    /// <summary>Law or a legal claim requires keeping the rows: they stay, restricted, until their own due date.</summary>
    Restrict = 3,
}

/// <summary>What erasure does to one column.</summary>
public enum ColumnFate
{
    Keep = 1,
    Clear = 2,

    /// <summary>Texts are emptied, numbers, dates and choices stay (statistics).</summary>
    ClearText = 3,
}

/// <summary>
/// The catalogue's erasure actions applied to a table (Art 17). Plain rules with no database: the engine asks them
/// for every table it finds for the person.
/// </summary>
public static class ErasureRules
{
    /// <summary>What an open debt-collection case needs from the person's profile (Art 17(3)(e): legal claims).</summary>
    public static IReadOnlySet<string> NeededByOpenCollection { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Categories.Name.Id, Categories.Address.Id };

    public static TableFate Fate(IEnumerable<DataCategory> categories, bool openCollectionCase)
    {
        var list = categories.ToList();
        if (list.Any(c => Kept(c, openCollectionCase)))
        {
            return TableFate.Restrict;
        }

        return list.Any(c => c.Erasure == ErasureAction.Anonymise) ? TableFate.Anonymise : TableFate.Delete;
    }

    public static ColumnFate Column(DataCategory category, TableFate fate, bool openCollectionCase) => fate switch
    {
        TableFate.Restrict => Kept(category, openCollectionCase) ? ColumnFate.Keep : ColumnFate.Clear,
        TableFate.Anonymise => category.Erasure == ErasureAction.Anonymise ? ColumnFate.ClearText : ColumnFate.Clear,
        _ => ColumnFate.Clear,
    };

    /// <summary>Why rows a voucher rests on (an invoice's customer relationship) are kept whole, for the certificate.</summary>
    public const string VoucherReference = "Kirjanpitolaki 1336/1997 ch. 2 § 10: a voucher (invoice or payout) rests on it";

    public const string VoucherReferenceNote = "kept as long as the voucher that refers to it";

    /// <summary>Why a kept category is kept, for the certificate.</summary>
    public static string KeptBecause(DataCategory category, bool openCollectionCase) =>
        category.Erasure == ErasureAction.RestrictUntilDue
            ? $"{category.Retention.Law}: kept {category.Retention.DefaultPeriod} from {category.Retention.StartingEvent}"
            : openCollectionCase && NeededByOpenCollection.Contains(category.Id)
                ? "GDPR Art 17(3)(e): needed by an open debt-collection case until it closes"
                : "";

    private static bool Kept(DataCategory c, bool openCollectionCase) =>
        c.Erasure == ErasureAction.RestrictUntilDue || (openCollectionCase && NeededByOpenCollection.Contains(c.Id));
}
