using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Identity;
using CustomerRegister.Marketing;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>Inviting a whole list: each person decided by the same rules as a single invitation, the outcome counted per reason.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class EventInvitationTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static async IAsyncEnumerable<Guid> Stream(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            await Task.Yield();
            yield return id;
        }
    }

    private static async Task<Guid> ConsumerAsync(HttpClient client, string lastName) =>
        (await client.CreateConsumerAsync(new
        {
            firstName = "Lista",
            lastName,
            street = "Kauppakatu 1",
            postalCode = "70100",
            city = "Kuopio",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();

    [Fact]
    public async Task AListIsInvitedOneByOneAndTheRefusalsAreCountedPerReason()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var allowed = await ConsumerAsync(service.Client, "Sallittu");
        var banned = await ConsumerAsync(service.Client, "Kielletty");
        var already = await ConsumerAsync(service.Client, "Jokutsuttu");
        var ban = await service.Client.PostAsJsonAsync($"/api/subjects/{banned}/marketing-consents",
            new { channel = "Post", purpose = Purposes.Marketing, kind = "Prohibition", source = "Consumer" });
        Assert.Equal(HttpStatusCode.Created, ban.StatusCode);
        var created = await marketing.Client.PostAsJsonAsync("/api/marketing-events", new { name = "Syysmessut", date = "2026-09-20", place = "Kuopio" });
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created,
            (await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations", new { subjectId = already, channel = "Post", source = "OwnSystems" })).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<MarketingEvents>();
        var reported = new List<int>();
        var outcome = await events.InviteAllAsync(eventId, Stream([allowed, banned, already, Guid.NewGuid()]), MarketingChannel.Post,
            DataSource.OwnSystems, reported.Add, CancellationToken.None, reportEvery: 2);

        var result = outcome.Value!;
        Assert.Equal(1, result.Invited);
        Assert.Equal(1, result.AlreadyInvited);
        Assert.Equal(1, result.Missing);
        Assert.Equal(1, result.RefusedByReason[ConsentReasons.Prohibited]);
        Assert.Equal([2, 4, 4], reported);
        Assert.Equal("Kutsuttu 1, jo aiemmin kutsuttu 1, ei kutsuttu markkinointilupien tai rajoitusten vuoksi 1 (markkinointikielto 1).",
            EventInvitationJobs.Summary(result).Fi);

        var invitations = await marketing.Client.GetFromJsonAsync<JsonElement>($"/api/marketing-events/{eventId}/invitations");
        Assert.Equal(new[] { already, allowed }.Order(), invitations.EnumerateArray().Select(i => i.GetProperty("subjectId").GetGuid()).Order());

        // An unknown event is not found; a campaign that does not exist is refused naming the field.
        Assert.True((await events.InviteAllAsync(Guid.NewGuid(), Stream([allowed]), MarketingChannel.Post, DataSource.OwnSystems, null,
            CancellationToken.None)).NotFound);
        var unknown = await marketing.Client.PostAsJsonAsync($"/api/marketing-events/{eventId}/invitations/from-campaign",
            new { campaignId = Guid.NewGuid(), source = "OwnSystems" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(unknown)).TryGetProperty("campaignId", out _));
    }
}
