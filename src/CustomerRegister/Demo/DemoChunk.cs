using System.Buffers.Binary;
using Bogus;
using CustomerRegister.Billing;
using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Finnish;
using CustomerRegister.Infrastructure;
using CustomerRegister.Protection;
using CustomerRegister.Requests;
using CustomerRegister.Subjects;

namespace CustomerRegister.Demo;

/// <summary>
/// One independently seeded slice of demo data (a fixed number of subjects). Chunks are generated in parallel; each
/// draws only from its own <see cref="Faker"/>, so the data depends on the seed and the chunk number alone.
/// </summary>
public sealed class DemoChunk
{
    private readonly long _firstPosition;
    private readonly ulong _idMillis;
    private readonly ulong _idSeed;
    private uint _idCounter;

    public DemoChunk(Faker faker, ProtectedCodes codes, DateTime now, long firstPosition, int subjectQuota, DemoCatalogue? catalogue = null,
        BillingOptions? billing = null, Vehicles.VehiclesOptions? vehicles = null)
    {
        Faker = faker;
        Codes = codes;
        Now = now;
        Today = HelsinkiTime.DateOf(now);
        SubjectQuota = subjectQuota;
        _firstPosition = firstPosition;

        // One millisecond per chunk (DemoSeeder.ChunkSize subjects) after the run's clock: ids stay time-ordered across chunks (cheap,
        // right-hand primary-key inserts) and cannot meet another chunk's of the same run; another run starts at its own
        // clock, and its 50 random bits differ too.
        _idMillis = (ulong)new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeMilliseconds() + (ulong)(firstPosition / DemoSeeder.ChunkSize);
        _idSeed = (ulong)now.Ticks ^ ((ulong)firstPosition * 0x9E37_79B9_7F4A_7C15UL);
        Billing = billing ?? new BillingOptions();
        Vehicles = vehicles ?? new Vehicles.VehiclesOptions();
        Catalogue = catalogue ?? DemoCatalogue.Create(now);
        if (catalogue is null)
        {
            // A chunk generated on its own, not as part of a run, writes the surveys and events it refers to.
            Catalogue.AddTo(Rows);
        }
    }

    public Faker Faker { get; }

    public ProtectedCodes Codes { get; }

    public DateTime Now { get; }

    /// <summary>The calendar date in Finland at <see cref="Now"/>: what start, end and issue dates are compared with.</summary>
    public DateOnly Today { get; }

    /// <summary>The run's surveys and marketing events, which people's answers and invitations refer to.</summary>
    public DemoCatalogue Catalogue { get; }

    public BillingOptions Billing { get; }

    public Vehicles.VehiclesOptions Vehicles { get; }

    public int SubjectQuota { get; }

    public DemoBatch Rows { get; } = new();

    /// <summary>Customers created so far in this chunk, for categories that add data about them (contracts, invoices …).</summary>
    public List<Consumer> Consumers { get; } = [];

    public List<Organisation> Organisations { get; } = [];

    public List<ContactPerson> ContactPersons { get; } = [];

    /// <summary>Every customer (consumer or organisation) of the chunk with the position that makes its numbers unique.</summary>
    public List<DemoCustomer> Customers { get; } = [];

    public int RemainingSubjects => SubjectQuota - Rows.Subjects;

    /// <summary>
    /// A number unique to the next subject across this and earlier seed runs on the same database, for values that
    /// must be unique (business IDs).
    /// </summary>
    public long Position => _firstPosition + Rows.Subjects;

    /// <summary>A date uniformly between two dates, both included.</summary>
    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(Faker.Random.Int(0, to.DayNumber - from.DayNumber));

    /// <summary>A time during Finnish office hours (06–15 UTC) on the given date, never after <see cref="Now"/>.</summary>
    public DateTime TimeOn(DateOnly date)
    {
        var r = Faker.Random;
        var time = date.ToDateTime(new TimeOnly(r.Int(6, 14), r.Int(0, 59), r.Int(0, 59)), DateTimeKind.Utc);
        return time > Now ? Now.AddMinutes(-r.Int(1, 300)) : time;
    }

    /// <summary>
    /// A UUIDv7 (RFC 9562) for a new row: the chunk's millisecond, a 24-bit counter in the bits the RFC allows for one
    /// (rand_a and the top of rand_b), so ids rise within the chunk, and 50 pseudo-random bits. <see cref="Guid.CreateVersion7()"/>
    /// asks the kernel for random bytes for every id, which was a tenth of the seeder's CPU.
    /// </summary>
    public Guid NewId()
    {
        var counter = _idCounter++;
        var high = (_idMillis << 16) | 0x7000UL | ((counter >> 12) & 0xFFFUL);
        var low = 0x8000_0000_0000_0000UL | ((ulong)(counter & 0xFFF) << 50) | (SplitMix(_idSeed + counter) & ((1UL << 50) - 1));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E37_79B9_7F4A_7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return x ^ (x >> 31);
    }

    public Subject NewSubject(SubjectKind kind)
    {
        var subject = new Subject { Id = NewId(), Kind = kind, CreatedAt = Now };
        Rows.Add(subject);
        return subject;
    }

    /// <summary>Fills the columns every <see cref="SubjectRecord"/> shares, as the DbContext would on insert.</summary>
    public T Record<T>(T record, Subject subject, DataSource source)
        where T : SubjectRecord => Record(record, subject.Id, source);

    public T Record<T>(T record, Guid subjectId, DataSource source)
        where T : SubjectRecord
    {
        record.Id = NewId();
        record.SubjectId = subjectId;
        record.Source = source;
        record.CreatedAt = Now;
        record.UpdatedAt = Now;
        record.Version = 1;
        return record;
    }
}

/// <summary>
/// A customer created in a chunk: a consumer (with the plain bank account, kept in memory only, for payouts) or an
/// organisation with its contact persons. <see cref="Position"/> is unique across runs on the same database.
/// </summary>
public sealed record DemoCustomer(long Position, Consumer? Consumer, Organisation? Organisation, Iban? BankAccount)
{
    public List<ContactPerson> Contacts { get; } = [];

    /// <summary>The customer's relationship, once the relationships generator has made it (a soft opt-in rests on it).</summary>
    public CustomerRelationship? Relationship { get; set; }
}

/// <summary>
/// One category of demo data. The customer generator fills a chunk's subject quota; generators registered after it
/// add their category's rows for the customers in <see cref="DemoChunk"/> (e.g. a contract for some consumers).
/// </summary>
public interface IDemoGenerator
{
    void Generate(DemoChunk chunk);
}
