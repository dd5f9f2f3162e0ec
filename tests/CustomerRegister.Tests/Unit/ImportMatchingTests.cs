using CustomerRegister.Imports;
using CustomerRegister.Search;

namespace CustomerRegister.Tests.Unit;

/// <summary>How an import finds the record a row repeats: the pool's keys and the spellings the database is asked for.</summary>
public sealed class ImportMatchingTests
{
    private sealed class Person
    {
        public string? Email { get; set; }

        public string Name { get; set; } = "";
    }

    [Fact]
    public void TheFirstRecordWithAKeyIsFoundAsAScanInOrderWouldFindIt()
    {
        var first = new Person { Email = "a@example.fi", Name = "Aino" };
        var second = new Person { Email = "a@example.fi", Name = "Eero" };
        var pool = new MatchPool<Person>([first, second], p => p.Email, p => p.Name);

        Assert.Same(first, pool.Find(0, "a@example.fi"));
        Assert.Same(second, pool.Find(1, "Eero"));
        Assert.Null(pool.Find(0, null));
        Assert.Null(pool.Find(1, "Helmi"));
    }

    [Fact]
    public void ARecordARowChangesIsFoundByItsNewKeysAndNoLongerByTheOldOnes()
    {
        var person = new Person { Email = null, Name = "Aino" };
        var pool = new MatchPool<Person>([person], p => p.Email, p => p.Name);

        Assert.True(pool.Change(person, () =>
        {
            person.Email = "aino@example.fi";
            person.Name = "Aino-Maija";
            return true;
        }));

        Assert.Same(person, pool.Find(0, "aino@example.fi"));
        Assert.Same(person, pool.Find(1, "Aino-Maija"));
        Assert.Null(pool.Find(1, "Aino"));
        Assert.False(pool.Change(person, () => false));
    }

    [Fact]
    public void AnotherRecordKeepsTheKeyAChangedRecordLeaves()
    {
        var first = new Person { Name = "Aino" };
        var second = new Person { Name = "Aino" };
        var pool = new MatchPool<Person>([first], p => p.Name);
        pool.Add(second);

        pool.Change(second, () =>
        {
            second.Name = "Eero";
            return true;
        });

        Assert.Same(first, pool.Find(0, "Aino"));
        Assert.Same(second, pool.Find(0, "Eero"));
    }

    [Theory]
    [InlineData("MÄKINEN", "Mäkinen")]
    [InlineData("mäkinen", "Mäkinen")]
    [InlineData("  Mäkinen ", "Mäkinen")]
    [InlineData("METALLIPAJA  OY", "Metallipaja Oy")]
    [InlineData("virtanen-korhonen", "Virtanen-Korhonen")]
    public void ANameIsLookedUpInTheSpellingsItIsLikelyStoredIn(string written, string stored)
    {
        Assert.Contains(stored, SearchText.Spellings(written));
        Assert.Equal(ImportRowRules.Key(stored), ImportRowRules.Key(written));
    }
}
