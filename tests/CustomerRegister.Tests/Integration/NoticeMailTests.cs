using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The notices that leave the register by themselves, through the outbox and a real SMTP server: the Art 19 notice to a
/// recipient with a notice address, and the Art 34 letter to the people a breach concerns — each told once delivered.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class NoticeMailTests(SmtpFactory app) : IClassFixture<SmtpFactory>
{
    private async Task<(Guid Id, Guid SubjectId)> ConsumerAsync(HttpClient client, string? email)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Veera",
            lastName = "Ilmoitettava" + Guid.NewGuid().ToString("N")[..6],
            email,
            street = "Satamakatu 3",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        });
        return (consumer.Id(), consumer.GetProperty("subjectId").GetGuid());
    }

    private async Task<Guid> RecipientAsync(HttpClient dpo, string country, string? notificationEmail)
    {
        var created = await dpo.PostAsJsonAsync("/api/recipients", new
        {
            name = $"Vastaanottaja {Guid.NewGuid():N}"[..26],
            countryCode = country,
            kind = "Other",
            role = "Processor",
            legalBasis = "LegitimateInterest",
            categoryKeys = new[] { Categories.Name.Id, Categories.Address.Id },
            notificationEmail,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).Id();
    }

    private async Task DiscloseAsync(Guid recipientId, Guid subjectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DiscloseData>().DiscloseAsync(
            new DisclosureOrder(recipientId, [subjectId], [Categories.Name.Id, Categories.Address.Id], Purposes.CustomerRelationship),
            CancellationToken.None);
        Assert.True(outcome.IsOk);
    }

    [Fact]
    public async Task AnErasureEmailsTheRecipientWithANoticeAddressAndMarksItToldOnDeliveryTheOtherWaitsForTheDpo()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var noticeAddress = $"tietosuoja.{Guid.NewGuid():N}@vastaanottaja.example";
        var bad = await dpo.Client.PostAsJsonAsync("/api/recipients", new
        {
            name = "Huono osoite Oy",
            countryCode = "FI",
            kind = "Other",
            role = "Processor",
            legalBasis = "LegitimateInterest",
            categoryKeys = new[] { Categories.Name.Id },
            notificationEmail = "ei-osoite",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(bad)).TryGetProperty("notificationEmail", out _));

        var mailed = await RecipientAsync(dpo.Client, "FI", noticeAddress);
        var unmailed = await RecipientAsync(dpo.Client, "SE", null);
        Assert.Equal(noticeAddress, (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/recipients/{mailed}")).GetProperty("notificationEmail").GetString());
        var person = await ConsumerAsync(dpo.Client, $"veera.{Guid.NewGuid():N}@example.fi");
        await DiscloseAsync(mailed, person.SubjectId);
        await DiscloseAsync(unmailed, person.SubjectId);

        var requestId = (await dpo.Client.CreateRequestAsync(RequestData.Intake("Erasure"))).Id();
        await dpo.Client.StepAsync(requestId, "match", new { subjectId = person.SubjectId });
        await dpo.Client.StepAsync(requestId, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await dpo.Client.StepAsync(requestId, "start", new { });
        var erased = await dpo.Client.PostAsJsonAsync($"/api/requests/{requestId}/erase", new { });
        Assert.True(erased.StatusCode == HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());

        // Saved with the erasure, in the outbox until delivered (the delivery service, woken by the save, may be first).
        var rows = await NotificationsAsync(dpo.Client, requestId);
        var toMail = Assert.Single(rows, r => r.GetProperty("recipientId").ValueKind != JsonValueKind.Null && r.GetProperty("recipientId").GetGuid() == mailed);
        Assert.Contains(toMail.GetProperty("mail").GetString(), new[] { "Sending", "Delivered" });
        Assert.Equal(noticeAddress, toMail.GetProperty("mailedTo").GetString());

        await app.DeliverMailAsync();
        var notice = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == noticeAddress));
        Assert.Equal("Ilmoitus henkilötietojen poistosta (EU:n tietosuoja-asetuksen 19 artikla)", notice.Subject);
        Assert.Contains(person.SubjectId.ToString(), notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pyydämme teitä poistamaan", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Veera", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Satamakatu", notice.TextBody, StringComparison.Ordinal);

        rows = await NotificationsAsync(dpo.Client, requestId);
        toMail = Assert.Single(rows, r => r.GetProperty("mailedTo").GetString() == noticeAddress);
        Assert.Equal("Delivered", toMail.GetProperty("mail").GetString());
        Assert.NotEqual(JsonValueKind.Null, toMail.GetProperty("notifiedAt").ValueKind);

        // Without a notice address: nothing sent, to be told by hand.
        var byHand = Assert.Single(rows, r => r.GetProperty("recipientId").ValueKind != JsonValueKind.Null && r.GetProperty("recipientId").GetGuid() == unmailed);
        Assert.Equal("None", byHand.GetProperty("mail").GetString());
        Assert.Equal(JsonValueKind.Null, byHand.GetProperty("notifiedAt").ValueKind);
    }

    [Fact]
    public async Task ANoticeTheServerRefusesShowsFailedAndStaysToBeTold()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var noticeAddress = $"refused.{Guid.NewGuid():N}@vastaanottaja.example";
        var recipient = await RecipientAsync(dpo.Client, "DE", noticeAddress);
        var person = await ConsumerAsync(dpo.Client, null);
        await DiscloseAsync(recipient, person.SubjectId);
        var requestId = (await dpo.Client.CreateRequestAsync(RequestData.Intake("Restriction"))).Id();
        await dpo.Client.StepAsync(requestId, "match", new { subjectId = person.SubjectId });
        await dpo.Client.StepAsync(requestId, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await dpo.Client.StepAsync(requestId, "start", new { });

        app.Smtp.Refuse = true;
        try
        {
            await dpo.Client.StepAsync(requestId, "restrict", new { ground = "AccuracyContested" });
            for (var i = 0; i < 3; i++)
            {
                await app.DeliverMailAsync();
                app.Clock.Advance(TimeSpan.FromMinutes(5));
            }
        }
        finally
        {
            app.Smtp.Refuse = false;
        }

        var row = Assert.Single(await NotificationsAsync(dpo.Client, requestId), r => r.GetProperty("mailedTo").GetString() == noticeAddress);
        Assert.Equal("Failed", row.GetProperty("mail").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("notifiedAt").ValueKind);
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == noticeAddress));

        // Told another way, then marked by hand.
        var marked = await dpo.Client.PostAsJsonAsync($"/api/recipient-notifications/{row.Id()}/notified", new { note = "Soitettu" });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("Failed", (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mail").GetString());
    }

    [Fact]
    public async Task ABreachLetterIsEmailedToThoseWithAnEmailListedToPostForTheRestAndEachStateCounted()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var email = $"loukkaus.{Guid.NewGuid():N}@example.fi";
        var withEmail = await ConsumerAsync(service.Client, email);
        var withoutEmail = await ConsumerAsync(service.Client, null);
        var from = app.Clock.GetUtcNow().AddMinutes(-1);
        foreach (var subject in new[] { withEmail.SubjectId, withoutEmail.SubjectId })
        {
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync($"/api/subjects/{subject}")).StatusCode);
        }

        var id = (await (await dpo.Client.PostAsJsonAsync("/api/breaches", BreachesTests.Breach(app.Clock.GetUtcNow())))
            .Content.ReadFromJsonAsync<JsonElement>()).Id();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var found = await dpo.Client.PostAsJsonAsync($"/api/breaches/{id}/affected/from-audit",
            new { actorId = service.Id, from, to = app.Clock.GetUtcNow() });
        Assert.Equal(2, (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());

        // Not before the decision to tell them.
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.PostAsync($"/api/breaches/{id}/letters", null)).StatusCode);
        var version = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/breaches/{id}")).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.OK,
            (await dpo.Client.PostAsJsonAsync($"/api/breaches/{id}/people-decision", new { decision = "Notify", version })).StatusCode);

        var sent = await dpo.Client.PostAsync($"/api/breaches/{id}/letters", null);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("emailed").GetInt32());
        Assert.Equal(1, result.GetProperty("toPost").GetInt32());
        var waiting = await CountsAsync(dpo.Client, id);
        Assert.Equal(1, waiting.GetProperty("sending").GetInt32() + waiting.GetProperty("delivered").GetInt32());

        await app.DeliverMailAsync();
        var letter = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("Tietoturvaloukkaus, joka koskee henkilötietojasi", letter.Subject);
        Assert.Contains("Asiakaspalvelun tunnus käytössä ulkopuolisella.", letter.TextBody, StringComparison.Ordinal);
        var counts = await CountsAsync(dpo.Client, id);
        Assert.Equal(1, counts.GetProperty("delivered").GetInt32());
        Assert.Equal(1, counts.GetProperty("toPost").GetInt32());

        // A second send finds nobody new; posting is marked by the DPO.
        var again = await (await dpo.Client.PostAsync($"/api/breaches/{id}/letters", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("emailed").GetInt32());
        Assert.Equal(2, again.GetProperty("alreadySent").GetInt32());
        Assert.Equal(1, await (await dpo.Client.PostAsync($"/api/breaches/{id}/letters/posted", null)).Content.ReadFromJsonAsync<int>());
        counts = await CountsAsync(dpo.Client, id);
        Assert.Equal(1, counts.GetProperty("posted").GetInt32());
        Assert.Equal(0, counts.GetProperty("toPost").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client.PostAsync($"/api/breaches/{id}/letters", null)).StatusCode);
    }

    private static async Task<JsonElement> CountsAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/breaches/{id}/letters");

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client, Guid requestId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}/recipient-notifications")).EnumerateArray()];
}
