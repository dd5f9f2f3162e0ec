using CustomerRegister.Audit;
using CustomerRegister.Catalog;

namespace CustomerRegister.Tests.Unit;

public sealed class AuditHasherTests
{
    private static AuditEvent Event() => new()
    {
        Id = 7,
        OccurredAt = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc),
        ActorKind = "user",
        ActorId = Guid.Parse("0193a000-0000-7000-8000-000000000001"),
        Action = "user.create",
        Purpose = Purposes.Administration,
        EntityType = "user",
        EntityId = "42",
        Fields = "email,roles",
        Outcome = "ok",
    };

    private static string Hash(string previous, params AuditEvent[] events)
    {
        using var hasher = new AuditHasher(previous);
        foreach (var e in events)
        {
            hasher.Append(e);
        }

        return hasher.Finish();
    }

    [Fact]
    public void TheSameEventsGiveTheSameHash() =>
        Assert.Equal(Hash(AuditHasher.GenesisHash, Event()), Hash(AuditHasher.GenesisHash, Event()));

    [Theory]
    [InlineData("Action")]
    [InlineData("Purpose")]
    [InlineData("Fields")]
    [InlineData("Outcome")]
    [InlineData("ActorId")]
    [InlineData("SubjectId")]
    [InlineData("OccurredAt")]
    [InlineData("Id")]
    public void ChangingAnyFieldChangesTheHash(string field)
    {
        var changed = Event();
        switch (field)
        {
            case "Action": changed.Action = "user.read"; break;
            case "Purpose": changed.Purpose = Purposes.Security; break;
            case "Fields": changed.Fields = "email"; break;
            case "Outcome": changed.Outcome = "failed"; break;
            case "ActorId": changed.ActorId = Guid.NewGuid(); break;
            case "SubjectId": changed.SubjectId = Guid.NewGuid(); break;
            case "OccurredAt": changed.OccurredAt = changed.OccurredAt.AddTicks(10); break;
            case "Id": changed.Id = 8; break;
        }

        Assert.NotEqual(Hash(AuditHasher.GenesisHash, Event()), Hash(AuditHasher.GenesisHash, changed));
    }

    [Fact]
    public void FieldBoundariesCannotBeShifted()
    {
        var a = Event();
        a.EntityType = "us";
        a.EntityId = "er42";
        var b = Event();
        b.EntityType = "user";
        b.EntityId = "42";

        Assert.NotEqual(Hash(AuditHasher.GenesisHash, a), Hash(AuditHasher.GenesisHash, b));
    }

    [Fact]
    public void NullAndEmptyDiffer()
    {
        var a = Event();
        a.EntityId = null;
        var b = Event();
        b.EntityId = "";

        Assert.NotEqual(Hash(AuditHasher.GenesisHash, a), Hash(AuditHasher.GenesisHash, b));
    }

    [Fact]
    public void TheChainDependsOnThePreviousSeal() =>
        Assert.NotEqual(Hash(AuditHasher.GenesisHash, Event()), Hash(new string('1', 64), Event()));
}
