using CustomerRegister.Audit;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerRegister.Requests;

/// <summary>Why a person in the register may be the requester: which of the requester's details are theirs too.</summary>
public enum MatchReason
{
    Email = 1,
    Phone = 2,
    Name = 3,
    PostalCode = 4,
}

/// <summary>A person of the register beside a request: who, how to reach them, and why they may be the requester.</summary>
public sealed record RequestPerson(
    Guid SubjectId, Guid? ConsumerId, string Name, string? Email, string? Phone, string? Street, string? PostalCode, string? City,
    IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// The people a handler weighs when matching a request (suggestions, never a match: the handler confirms one), each with the
/// requester's details that are also theirs; and the matched person as the request page shows them. Read for the
/// request's handling (purpose: data-subject rights) and audited on each person shown.
/// </summary>
public sealed class RequestPeople(RegisterDbContext db, AuditLog audit)
{
    public const int MaxCandidates = 10;

    private static readonly string[] ShownFields = ["first_name", "last_name", "email", "phone", "street", "postal_code", "city"];

    /// <summary>People whose email or phone is exactly the requester's, with every detail they share with the requester.</summary>
    public async Task<IReadOnlyList<RequestPerson>> CandidatesAsync(DataSubjectRequest r, CancellationToken ct)
    {
        var email = r.RequesterEmail?.ToLowerInvariant();
        var phone = r.RequesterPhone;
        if (email is null && phone is null)
        {
            return [];
        }

        var consumers = await db.Set<Consumer>().AsNoTracking()
            .Where(c => (email != null && c.Email != null && c.Email.ToLower() == email) || (phone != null && c.Phone == phone))
            .Take(MaxCandidates).ToListAsync(ct);
        var contacts = await db.Set<ContactPerson>().AsNoTracking()
            .Where(c => (email != null && c.Email != null && c.Email.ToLower() == email) || (phone != null && c.Phone == phone))
            .Take(MaxCandidates).ToListAsync(ct);
        var people = consumers.Select(c => Person(r, c.SubjectId, c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.Street, c.PostalCode, c.City))
            .Concat(contacts.Select(c => Person(r, c.SubjectId, null, c.FirstName, c.LastName, c.Email, c.Phone, null, null, null)))
            .DistinctBy(p => p.SubjectId).OrderByDescending(p => p.Reasons.Count).Take(MaxCandidates).ToList();
        foreach (var p in people)
        {
            await audit.WriteAsync(RequestSteps.Entry("request.candidate", r, ShownFields) with { SubjectId = p.SubjectId }, ct);
        }

        return people;
    }

    /// <summary>The matched person, as a consumer or a contact person; null when the request is not matched or the person is gone.</summary>
    public async Task<RequestPerson?> MatchedAsync(DataSubjectRequest r, CancellationToken ct)
    {
        if (r.SubjectId is not { } subjectId)
        {
            return null;
        }

        var consumer = await db.Set<Consumer>().AsNoTracking().FirstOrDefaultAsync(c => c.SubjectId == subjectId, ct);
        RequestPerson? person = consumer is { } c
            ? Person(r, subjectId, c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.Street, c.PostalCode, c.City)
            : await db.Set<ContactPerson>().AsNoTracking().Where(p => p.SubjectId == subjectId)
                .Select(p => new { p.FirstName, p.LastName, p.Email, p.Phone }).FirstOrDefaultAsync(ct) is { } p
                ? Person(r, subjectId, null, p.FirstName, p.LastName, p.Email, p.Phone, null, null, null)
                : null;
        if (person is not null)
        {
            await audit.WriteAsync(RequestSteps.Entry("request.read_person", r, ShownFields), ct);
        }

        return person;
    }

    /// <summary>The requester's details this person shares: email (any case), phone, the full name, the postal code in the address.</summary>
    public static IReadOnlyList<MatchReason> Reasons(
        DataSubjectRequest r, string firstName, string lastName, string? email, string? phone, string? postalCode)
    {
        var reasons = new List<MatchReason>();
        if (r.RequesterEmail is { } re && email is not null && string.Equals(re, email, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(MatchReason.Email);
        }

        if (r.RequesterPhone is { } rp && rp == phone)
        {
            reasons.Add(MatchReason.Phone);
        }

        var name = Words(r.RequesterName);
        if (name.Count > 0 && name.SetEquals(Words(firstName + " " + lastName)))
        {
            reasons.Add(MatchReason.Name);
        }

        if (postalCode is { Length: > 0 } pc && r.RequesterAddress is { } address && address.Contains(pc, StringComparison.Ordinal))
        {
            reasons.Add(MatchReason.PostalCode);
        }

        return reasons;
    }

    private static HashSet<string> Words(string? text) =>
        (text ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToHashSet();

    private static RequestPerson Person(
        DataSubjectRequest r, Guid subjectId, Guid? consumerId, string first, string last, string? email, string? phone, string? street,
        string? postalCode, string? city) =>
        new(subjectId, consumerId, $"{last}, {first}", email, phone, street, postalCode, city, Reasons(r, first, last, email, phone, postalCode));
}
