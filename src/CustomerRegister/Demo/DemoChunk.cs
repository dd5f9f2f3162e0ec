using Bogus;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Protection;
using CustomerRegister.Subjects;

namespace CustomerRegister.Demo;

/// <summary>
/// One independently seeded slice of demo data (a fixed number of subjects). Chunks are generated in parallel; each
/// draws only from its own <see cref="Faker"/>, so the data depends on the seed and the chunk number alone.
/// </summary>
public sealed class DemoChunk(Faker faker, ProtectedCodes codes, DateTime now, long firstPosition, int subjectQuota)
{
    public Faker Faker { get; } = faker;

    public ProtectedCodes Codes { get; } = codes;

    public DateTime Now { get; } = now;

    public int SubjectQuota { get; } = subjectQuota;

    public DemoBatch Rows { get; } = new();

    /// <summary>Customers created so far in this chunk, for categories that add data about them (contracts, invoices …).</summary>
    public List<Consumer> Consumers { get; } = [];

    public List<Organisation> Organisations { get; } = [];

    public List<ContactPerson> ContactPersons { get; } = [];

    public int RemainingSubjects => SubjectQuota - Rows.Subjects;

    /// <summary>
    /// A number unique to the next subject across this and earlier seed runs on the same database, for values that
    /// must be unique (business IDs).
    /// </summary>
    public long Position => firstPosition + Rows.Subjects;

    public Subject NewSubject(SubjectKind kind)
    {
        var subject = new Subject { Id = Guid.CreateVersion7(), Kind = kind, CreatedAt = Now };
        Rows.Add(subject);
        return subject;
    }

    /// <summary>Fills the columns every <see cref="SubjectRecord"/> shares, as the DbContext would on insert.</summary>
    public T Record<T>(T record, Subject subject, DataSource source)
        where T : SubjectRecord
    {
        record.Id = Guid.CreateVersion7();
        record.SubjectId = subject.Id;
        record.Source = source;
        record.CreatedAt = Now;
        record.UpdatedAt = Now;
        record.Version = 1;
        return record;
    }
}

/// <summary>
/// One category of demo data. The customer generator fills a chunk's subject quota; generators registered after it
/// add their category's rows for the customers in <see cref="DemoChunk"/> (e.g. a contract for some consumers).
/// </summary>
public interface IDemoGenerator
{
    void Generate(DemoChunk chunk);
}
