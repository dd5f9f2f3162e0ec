using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Disclosures;

public sealed record RecipientResponse(
    Guid Id,
    string Name,
    string? BusinessId,
    string CountryCode,
    bool InEea,
    RecipientKind Kind,
    RecipientRole Role,
    LegalBasis LegalBasis,
    IReadOnlyList<string> CategoryKeys,
    TransferSafeguard Safeguard,
    string? SafeguardDetails,
    string? NotificationEmail,
    bool Active,
    DateTime? EndedAt,
    long Version)
{
    public static RecipientResponse Of(Recipient r) => new(
        r.Id, r.Name, r.BusinessId, r.CountryCode, EeaCountries.Contains(r.CountryCode), r.Kind, r.Role, r.LegalBasis, r.Categories,
        r.Safeguard, r.SafeguardDetails, r.NotificationEmail, r.IsActive, r.EndedAt, r.Version);
}

/// <summary>One logged disclosure: to whom, whose data, which categories, for what, when and by whom.</summary>
public sealed record DisclosureResponse(
    Guid Id, Guid RecipientId, string RecipientName, string CountryCode, Guid SubjectId, IReadOnlyList<string> CategoryKeys, string Purpose,
    DateTime DisclosedAt, string ActorKind, Guid? ActorId);

/// <summary>The registry and the disclosure log, read: the one place pages, the API, the access report and Art 19 read them.</summary>
public sealed class RecipientQueries(RegisterDbContext db, AuditLog audit)
{
    /// <summary>The registry, active recipients first, then by name.</summary>
    public async Task<List<Recipient>> ListAsync(bool includeEnded, CancellationToken ct)
    {
        var query = db.Set<Recipient>().AsNoTracking();
        if (!includeEnded)
        {
            query = query.Where(r => r.EndedAt == null);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(r => r.EndedAt is not null).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public Task<Recipient?> GetAsync(Guid id, CancellationToken ct) =>
        db.Set<Recipient>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The active recipient of this name (a collection case's agency), or null.</summary>
    public Task<Recipient?> FindActiveByNameAsync(string name, CancellationToken ct)
    {
        // Exactly as the registry spells it (the agencies are seeded from the cases' own names): a case-insensitive
        // comparison would fold only ASCII on SQLite and so answer differently on the two databases.
        var trimmed = name.Trim();
        return db.Set<Recipient>().AsNoTracking().FirstOrDefaultAsync(r => r.EndedAt == null && r.Name == trimmed, ct);
    }

    /// <summary>A recipient's disclosures, newest first, keyset-paged (<c>after</c> = the last id of the previous page).</summary>
    public async Task<Outcome<Page<DisclosureResponse>>> OfRecipientAsync(Guid id, Guid? after, int? limit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = Paging.Size(errors, limit);
        if (errors.Any)
        {
            return Outcome.Invalid(errors);
        }

        var recipient = await GetAsync(id, ct);
        if (recipient is null)
        {
            return Outcome.Missing;
        }

        var query = db.Set<Disclosure>().AsNoTracking().Where(d => d.RecipientId == id);
        if (after is { } a)
        {
            query = query.Where(d => d.Id.CompareTo(a) < 0);
        }

        var rows = await query.OrderByDescending(d => d.Id).Take(size!.Value + 1).ToListAsync(ct);
        audit.Add(new AuditEntry("disclosure.list", Purposes.Administration, EntityType: "recipient", EntityId: id.ToString()));
        await db.SaveChangesAsync(ct);
        return Paging.Of(rows, size.Value, d => d.Id, d => Response(d, recipient.Name, recipient.CountryCode));
    }

    /// <summary>Everything disclosed of one person, oldest first (what the access report and Art 19 read); not audited.</summary>
    public Task<List<DisclosureResponse>> OfSubjectAsync(Guid subjectId, CancellationToken ct) => DisclosuresOfAsync(db, subjectId, ct);

    /// <summary>The one read of a person's disclosure log, for callers that hold only the context (the access report).</summary>
    public static async Task<List<DisclosureResponse>> DisclosuresOfAsync(RegisterDbContext db, Guid subjectId, CancellationToken ct)
    {
        var rows = await (from d in db.Set<Disclosure>().AsNoTracking()
                          join r in db.Set<Recipient>().AsNoTracking() on d.RecipientId equals r.Id
                          where d.SubjectId == subjectId
                          select new { d, r.Name, r.CountryCode }).ToListAsync(ct);
        return [.. rows.OrderBy(x => x.d.DisclosedAt).ThenBy(x => x.d.Id).Select(x => Response(x.d, x.Name, x.CountryCode))];
    }

    /// <summary>The person's disclosures for staff (the person page, the API): the read audited.</summary>
    public async Task<List<DisclosureResponse>> ReadOfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        var list = await OfSubjectAsync(subjectId, ct);
        await audit.WriteAsync(new AuditEntry("disclosure.list", Purposes.CustomerRelationship, subjectId, "subject", subjectId.ToString()), ct);
        return list;
    }

    private static DisclosureResponse Response(Disclosure d, string recipientName, string countryCode) => new(
        d.Id, d.RecipientId, recipientName, countryCode, d.SubjectId, d.Categories, d.Purpose, d.DisclosedAt, d.ActorKind, d.ActorId);
}
