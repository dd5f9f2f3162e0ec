using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using CustomerRegister.Disclosures;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>Art 19: a notification row per recipient on rectification and erasure, marked told through the API.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RecipientNotificationsTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private sealed record Person(Guid Id, Guid SubjectId);

    private async Task<Person> ConsumerAsync(HttpClient client)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Ilmo",
            lastName = "Tettava" + Guid.NewGuid().ToString("N")[..6],
            email = $"ilmo.{Guid.NewGuid():N}@example.fi",
            street = "Rantatie 5",
            postalCode = "28100",
            city = "Pori",
            source = "Consumer",
        });
        return new Person(consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
    }

    /// <summary>A recipient added straight to the registry (as configuration would), then the person disclosed to it.</summary>
    private async Task<Recipient> DisclosedToAsync(Guid subjectId, string country, TransferSafeguard safeguard = TransferSafeguard.None,
        string? details = null)
    {
        var recipient = new Recipient
        {
            Id = Guid.CreateVersion7(),
            Name = $"Vastaanottaja {Guid.NewGuid():N}"[..24],
            CountryCode = country,
            Kind = RecipientKind.Other,
            Role = RecipientRole.Processor,
            LegalBasis = LegalBasis.LegitimateInterest,
            CategoryKeys = Recipient.JoinKeys([Categories.Name.Id, Categories.Address.Id]),
            Safeguard = safeguard,
            SafeguardDetails = details,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        db.Add(recipient);
        await db.SaveChangesAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<DiscloseData>().DiscloseAsync(
            new DisclosureOrder(recipient.Id, [subjectId], [Categories.Name.Id, Categories.Address.Id], Purposes.CustomerRelationship),
            CancellationToken.None);
        Assert.True(outcome.IsOk);
        return recipient;
    }

    private static async Task<Guid> StartedAsync(HttpClient client, string type, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(RequestData.Intake(type))).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "IdDocumentSeenAtOffice" });
        await client.StepAsync(id, "start", new { });
        return id;
    }

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client, Guid requestId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}/recipient-notifications")).EnumerateArray()];

    [Fact]
    public async Task ACompletedRectificationRecordsOneNotificationPerRecipientMarkedToldThroughTheApi()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var recipient = await DisclosedToAsync(person.SubjectId, "SE");
        var requestId = await StartedAsync(dpo.Client, "Rectification", person.SubjectId);
        var version = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}")).GetProperty("version").GetInt64();

        var rectified = await dpo.Client.PostAsJsonAsync($"/api/requests/{requestId}/rectify", new
        {
            changes = new[] { new { table = "consumers", rowId = person.Id, field = "email", value = $"oikea.{Guid.NewGuid():N}@example.fi" } },
            version,
        });
        Assert.True(rectified.StatusCode == HttpStatusCode.OK, await rectified.Content.ReadAsStringAsync());

        // The group companies (notice § 8) and the recipient in the disclosure log: one row each, still to be told.
        var rows = await NotificationsAsync(dpo.Client, requestId);
        Assert.Equal(2, rows.Count);
        var row = Assert.Single(rows, r => r.GetProperty("recipientName").GetString() == recipient.Name);
        Assert.Equal(recipient.Id, row.GetProperty("recipientId").GetGuid());
        Assert.Equal("Rectification", row.GetProperty("what").GetString());
        Assert.Equal([Categories.Email.Id], row.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("notifiedAt").ValueKind);
        Assert.All(rows, r => Assert.Equal(person.SubjectId, r.GetProperty("subjectId").GetGuid()));

        // Marked told, with a note; a second mark is a conflict; others may not.
        var id = row.GetProperty("id").GetGuid();
        var service = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await service.Client.PostAsJsonAsync($"/api/recipient-notifications/{id}/notified", new { note = "x" })).StatusCode);
        var marked = await dpo.Client.PostAsJsonAsync($"/api/recipient-notifications/{id}/notified", new { note = "Sähköposti lähetetty" });
        Assert.True(marked.StatusCode == HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        var told = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, told.GetProperty("notifiedAt").ValueKind);
        Assert.Equal(dpo.Id, told.GetProperty("notifiedBy").GetGuid());
        Assert.Equal("Sähköposti lähetetty", told.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict,
            (await dpo.Client.PostAsJsonAsync($"/api/recipient-notifications/{id}/notified", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await dpo.Client.PostAsJsonAsync($"/api/recipient-notifications/{Guid.NewGuid()}/notified", new { })).StatusCode);
        Assert.Single(await NotificationsAsync(dpo.Client, requestId), r => r.GetProperty("notifiedAt").ValueKind == JsonValueKind.Null);

        // Audited on the person.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        Assert.True(await db.Set<Audit.AuditEvent>().AnyAsync(e => e.SubjectId == person.SubjectId && e.Action == "recipient_notification.notified"));
    }

    [Fact]
    public async Task AnErasureRecordsANotificationPerRecipientThatOutlivesThePerson()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var recipient = await DisclosedToAsync(person.SubjectId, "FI");
        var requestId = await StartedAsync(dpo.Client, "Erasure", person.SubjectId);

        var erased = await dpo.Client.PostAsJsonAsync($"/api/requests/{requestId}/erase", new { });
        Assert.True(erased.StatusCode == HttpStatusCode.OK, await erased.Content.ReadAsStringAsync());

        var rows = await NotificationsAsync(dpo.Client, requestId);
        Assert.Equal(2, rows.Count);
        var row = Assert.Single(rows, r => r.GetProperty("recipientName").GetString() == recipient.Name);
        Assert.Equal("Erasure", row.GetProperty("what").GetString());
        Assert.Contains(Categories.Name.Id, row.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var marked = await dpo.Client.PostAsJsonAsync($"/api/recipient-notifications/{row.GetProperty("id").GetGuid()}/notified", new { });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
    }

    [Fact]
    public async Task ARestrictionSetAndLiftedEachRecordANotificationPerRecipient()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var person = await ConsumerAsync(dpo.Client);
        var recipient = await DisclosedToAsync(person.SubjectId, "DE");
        var requestId = await StartedAsync(dpo.Client, "Restriction", person.SubjectId);

        await dpo.Client.StepAsync(requestId, "restrict", new { ground = "AccuracyContested" });
        var rows = await NotificationsAsync(dpo.Client, requestId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("RestrictionSet", r.GetProperty("what").GetString()));

        var lifted = await dpo.Client.PostAsJsonAsync($"/api/subjects/{person.SubjectId}/processing-limits/lift",
            new { kind = "Restriction", reason = "Tiedot todettu oikeiksi." });
        Assert.True(lifted.IsSuccessStatusCode, await lifted.Content.ReadAsStringAsync());
        rows = await NotificationsAsync(dpo.Client, requestId);
        Assert.Equal(4, rows.Count);
        Assert.Single(rows, r => r.GetProperty("what").GetString() == "RestrictionLifted" && r.GetProperty("recipientName").GetString() == recipient.Name);
    }

    [Fact]
    public async Task TheAccessReportNamesTheCountryAndSafeguardOfATransferOutsideTheEea()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var inside = await ConsumerAsync(dpo.Client);
        await DisclosedToAsync(inside.SubjectId, "SE");
        var report = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{inside.SubjectId}/access-report?format=json&lang=fi");
        Assert.EndsWith("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.", report.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        var outside = await ConsumerAsync(dpo.Client);
        var us = await DisclosedToAsync(outside.SubjectId, "US", TransferSafeguard.StandardContractualClauses, "SCC 2021/914");
        report = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{outside.SubjectId}/access-report?format=json&lang=fi");
        var explanation = report.GetProperty("explanation").GetString()!;
        Assert.DoesNotContain("Tietoja ei siirretä", explanation, StringComparison.Ordinal);
        Assert.Contains($"Tietojanne on siirretty EU:n tai ETA:n ulkopuolelle: {us.Name} (maa US, suojatoimi: ", explanation, StringComparison.Ordinal);
        Assert.Contains("SCC 2021/914", explanation, StringComparison.Ordinal);

        var letter = await dpo.Client.GetStringAsync($"/api/subjects/{outside.SubjectId}/access-report?format=html&lang=en");
        Assert.Contains("Your data were transferred outside the EU or the EEA", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("The data are not transferred", letter, StringComparison.Ordinal);
    }
}
