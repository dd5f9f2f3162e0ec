using CustomerRegister.Catalog;
using CustomerRegister.Customers;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Tests.Unit;

/// <summary>Consumers, contact persons and organisations read their shared contact fields by one rule.</summary>
public sealed class CustomerInputsTests
{
    [Fact]
    public void ConsumersAndContactPersonsRefuseTheSameNamesPhonesAndEmails()
    {
        var consumer = new FieldErrors();
        ConsumerInput.Read(new ConsumerRequest(" ", new string('x', 101), null, null, null, "12", "not-an-email", null, DataSource.Consumer, null), consumer);
        var contact = new FieldErrors();
        ContactInput.Read(new ContactPersonRequest(" ", new string('x', 101), null, null, "12", "not-an-email", DataSource.Consumer, null), contact,
            new DateOnly(2026, 12, 4));

        var expected = consumer.ToDictionary();
        Assert.Equal(["email", "firstName", "lastName", "phone"], expected.Keys.Order());
        Assert.Equal(expected, contact.ToDictionary());
    }

    [Fact]
    public void ConsumersAndOrganisationsNormaliseTheSameAddress()
    {
        var consumer = ConsumerInput.Read(
            new ConsumerRequest("Maija", "Mäki", "  Kauppakatu 1 ", "33100", " Tampere ", null, null, null, DataSource.Consumer, null), new FieldErrors());
        var organisation = OrganisationInput.Read(
            new OrganisationRequest("Mäki Oy", null, "  Kauppakatu 1 ", "33100", " Tampere ", null, DataSource.Consumer, null), new FieldErrors());

        Assert.Equal((consumer.Street, consumer.PostalCode, consumer.City), (organisation.Street, organisation.PostalCode, organisation.City));
        Assert.Equal(("Kauppakatu 1", "Tampere"), (consumer.Street, consumer.City));
    }

    [Fact]
    public void APastTimeMayBeAFewMinutesAheadForClockSkewButNoMore()
    {
        var now = new DateTime(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
        var errors = new FieldErrors();

        Assert.Equal(now.AddMinutes(5), PastTime.Read(errors, "occurredAt", now.AddMinutes(5), now));
        Assert.False(errors.Any);

        PastTime.Read(errors, "occurredAt", now.AddMinutes(6), now);
        Assert.Equal(["Cannot be in the future."], errors.ToDictionary()["occurredAt"]);
    }

    [Fact]
    public void AMissingChoiceNamesTheAllowedValues()
    {
        var errors = new FieldErrors();
        Choice.Required<ContactChannel>(errors, "channel", null);
        Choice.Required(errors, "direction", (ContactDirection?)ContactDirection.Inbound);

        Assert.Equal(["Required: one of Phone, Email, Visit, Letter, Chat, WebForm."], errors.ToDictionary()["channel"]);
        Assert.False(errors.ToDictionary().ContainsKey("direction"));
    }
}
