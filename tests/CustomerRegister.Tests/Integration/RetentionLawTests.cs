using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Identity;
using CustomerRegister.Infrastructure;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Issue 11: every person has a lawful end date, counted in Helsinki days, and holds mean what they say.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class RetentionLawTests(RetentionClockFactory app) : IClassFixture<RetentionClockFactory>
{
    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<(Guid ConsumerId, Guid SubjectId)> ConsumerAsync(HttpClient client, string tag, string? phone = null)
    {
        var consumer = await client.CreateConsumerAsync(new
        {
            firstName = "Laila",
            lastName = "Laskullinen" + tag,
            email = $"laila.{tag}@example.fi",
            phone,
            street = "Laskutie 2",
            postalCode = "15100",
            city = "Lahti",
            source = "Consumer",
        });
        return (consumer.GetProperty("id").GetGuid(), consumer.GetProperty("subjectId").GetGuid());
    }

    private static object Invoice(Guid consumerId, DateOnly issued) => new
    {
        consumerId,
        invoiceNumber = "INV-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
        issueDate = RetentionClockFactory.Iso(issued),
        dueDate = RetentionClockFactory.Iso(issued.AddDays(14)),
        amount = 120.50m,
        source = "OwnSystems",
    };

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid subjectId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}/retention");

    private static DateOnly? DueOf(JsonElement status) =>
        status.GetProperty("dueDate").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(status.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);

    private static List<string> HeldOf(JsonElement status) => [.. status.GetProperty("heldBecause").EnumerateArray().Select(e => e.GetString()!)];

    private Task<long> NamedConsumersAsync(Guid consumerId) =>
        app.CountAsync($"SELECT COUNT(*) FROM consumers WHERE id = '{app.Literal(consumerId)}' AND last_name <> ''");

    [Fact]
    public async Task AConsumerWithOnlyInvoicesIsPurgedTheProfilePeriodAfterTheLastOneOnTheDayAfterTheDueDate()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var issued = app.Today;
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, issued.AddDays(-10)));
        await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, issued));

        // No relationship record: the cooperation ended with the last invoice, and the profile is kept 24 months from it.
        var status = await StatusAsync(dpo.Client, subjectId);
        Assert.Equal("customer-profile", status.GetProperty("rule").GetString());
        Assert.Equal(issued.AddMonths(24), DueOf(status));
        Assert.Empty(HeldOf(status));

        // The due date is the last day the profile is kept: a sweep late that day keeps it, the next day's removes it.
        var due = DueOf(status)!.Value;
        app.MoveTo(due, hour: 23);
        await app.SweepAsync();
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));

        app.MoveTo(due.AddDays(1), hour: 0);
        await app.SweepAsync();
        Assert.Equal(0L, await NamedConsumersAsync(consumerId));
        Assert.NotEqual(JsonValueKind.Null, (await StatusAsync(await app.DpoAsync(), subjectId)).GetProperty("purgedAt").ValueKind);

        // The vouchers stay for their own (accounting) period.
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoice.GetProperty("id").GetGuid())}'"));
    }

    [Fact]
    public async Task ARelationshipAnInvoiceRestsOnStaysWithTheInvoiceWhileOneWithoutLeavesWithTheProfile()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var (otherId, _) = await ConsumerAsync(dpo.Client, tag + "x");
        var ended = app.Today;
        async Task<Guid> RelationshipAsync() => (await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            subjectId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(ended.AddYears(-1)),
            endDate = RetentionClockFactory.Iso(ended),
            source = "OwnSystems",
        })).GetProperty("id").GetGuid();
        var billed = await RelationshipAsync();
        var plain = await RelationshipAsync();
        await PostOkAsync(dpo.Client, $"/api/relationships/{plain}/contracts", new
        {
            contractNumber = "S-" + tag,
            title = "Jäteastian tyhjennys",
            startDate = RetentionClockFactory.Iso(ended.AddYears(-1)),
            endDate = RetentionClockFactory.Iso(ended),
        });

        // An invoice may name only a relationship of the customer it bills.
        var foreign = await dpo.Client.PostAsJsonAsync("/api/invoices", new
        {
            consumerId = otherId,
            invoiceNumber = "R-" + tag + "X",
            issueDate = RetentionClockFactory.Iso(ended),
            dueDate = RetentionClockFactory.Iso(ended),
            amount = 10m,
            source = "OwnSystems",
            relationshipId = billed,
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(foreign)).TryGetProperty("relationshipId", out _));
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", new
        {
            consumerId,
            invoiceNumber = "R-" + tag,
            issueDate = RetentionClockFactory.Iso(ended),
            dueDate = RetentionClockFactory.Iso(ended),
            amount = 10m,
            source = "OwnSystems",
            relationshipId = billed,
        });
        Assert.Equal(billed, invoice.GetProperty("relationshipId").GetGuid());

        Task<long> Rows(Guid id) => app.CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{app.Literal(id)}' AND customer_number <> ''");

        // The profile goes on its date: the relationship no voucher rests on (and its contract) with it, the billed one stays whole.
        app.MoveTo(ended.AddMonths(24).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await NamedConsumersAsync(consumerId));
        Assert.Equal(0L, await Rows(plain));
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM contracts WHERE relationship_id = '{app.Literal(plain)}'"));
        Assert.Equal(1L, await Rows(billed));

        // When the invoice's own period ends, the relationship goes in the same run, and a second run finds nothing more.
        app.MoveTo(new DateOnly(ended.Year + 7, 1, 1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoice.GetProperty("id").GetGuid())}'"));
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM customer_relationships WHERE id = '{app.Literal(billed)}'"));
        Assert.Equal(0L, (await app.SweepAsync()).GetProperty("deleted").GetInt64());
    }

    [Fact]
    public async Task AContactPersonWhoseRoleEndedIsPurgedWhileTheOrganisationStaysACustomer()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var organisation = await dpo.Client.CreateOrganisationAsync(new { name = "Kierrätys " + tag + " Oy", source = "PublicSources" });
        var organisationId = organisation.GetProperty("id").GetGuid();
        await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            organisationId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(app.Today.AddYears(-3)),
            source = "OwnSystems",
        });
        var left = await PostOkAsync(dpo.Client, $"/api/organisations/{organisationId}/contacts",
            new { firstName = "Lähtenyt", lastName = "Yhteyshenkilö" + tag, email = $"lahtenyt.{tag}@example.fi", source = "CustomerOrganisation" });
        var stays = await PostOkAsync(dpo.Client, $"/api/organisations/{organisationId}/contacts",
            new { firstName = "Jatkava", lastName = "Yhteyshenkilö" + tag, source = "CustomerOrganisation" });

        // A role cannot end in the future.
        var future = await dpo.Client.PutAsJsonAsync($"/api/contacts/{left.GetProperty("id").GetGuid()}", new
        {
            firstName = "Lähtenyt",
            lastName = "Yhteyshenkilö" + tag,
            roleEndedOn = RetentionClockFactory.Iso(app.Today.AddDays(3)),
            version = left.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(future)).TryGetProperty("roleEndedOn", out _));

        var ended = app.Today;
        var update = await dpo.Client.PutAsJsonAsync($"/api/contacts/{left.GetProperty("id").GetGuid()}", new
        {
            firstName = "Lähtenyt",
            lastName = "Yhteyshenkilö" + tag,
            email = $"lahtenyt.{tag}@example.fi",
            roleEndedOn = RetentionClockFactory.Iso(ended),
            version = left.GetProperty("version").GetInt64(),
        });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());

        var leftSubject = left.GetProperty("subjectId").GetGuid();
        var staysSubject = stays.GetProperty("subjectId").GetGuid();
        Assert.Equal(ended.AddMonths(24), DueOf(await StatusAsync(dpo.Client, leftSubject)));
        var staying = await StatusAsync(dpo.Client, staysSubject);
        Assert.Null(DueOf(staying));
        Assert.Contains("organisation-relationship-in-force", HeldOf(staying));

        app.MoveTo(ended.AddMonths(24).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM contact_persons WHERE subject_id = '{app.Literal(leftSubject)}' AND last_name <> ''"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM contact_persons WHERE subject_id = '{app.Literal(staysSubject)}' AND last_name <> ''"));
    }

    [Fact]
    public async Task ALegalClaimsRestrictionKeepsADueProfileAndThePreviewSaysWhy()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag);
        var ended = app.Today;
        await PostOkAsync(dpo.Client, "/api/relationships", new
        {
            subjectId,
            customerNumber = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            startDate = RetentionClockFactory.Iso(ended.AddYears(-2)),
            endDate = RetentionClockFactory.Iso(ended),
            source = "OwnSystems",
        });
        Assert.Equal(ended.AddMonths(24), DueOf(await StatusAsync(dpo.Client, subjectId)));

        // Art 18(1)(c): the person needs the data for legal claims, though we no longer do.
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: subjectId))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "NeededForLegalClaims" });
        var status = await StatusAsync(dpo.Client, subjectId);
        Assert.Contains("legal-claims-restriction", HeldOf(status));

        app.MoveTo(ended.AddMonths(24).AddDays(1));
        var preview = await (await app.DpoAsync()).GetFromJsonAsync<JsonElement>($"/api/retention/preview?asOf={RetentionClockFactory.Iso(app.Today)}");
        Assert.Contains(preview.GetProperty("lines").EnumerateArray(), l => l.GetProperty("rule").GetString() == "held"
            && l.GetProperty("reason").GetString()!.StartsWith("legal-claims", StringComparison.Ordinal) && l.GetProperty("held").GetInt64() >= 1);
        await app.SweepAsync();
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));
    }

    [Fact]
    public async Task AnOpenCollectionCaseKeepsTheInvoiceButLetsACallRecordingGoAfterItsTwoMonths()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer, Roles.Billing);
        var admin = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = "+35840" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var (consumerId, subjectId) = await ConsumerAsync(dpo.Client, tag, phone);
        var calledAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var start = HelsinkiTime.DateOf(calledAt);
        var invoice = await PostOkAsync(dpo.Client, "/api/invoices", Invoice(consumerId, start.AddDays(-30)));
        var invoiceId = invoice.GetProperty("id").GetGuid();
        await PostOkAsync(dpo.Client, "/api/collection-cases", new { invoiceIds = new[] { invoiceId }, agencyName = "Perintä Oy", source = "OwnSystems" });

        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Puhelinvaihde " + tag, permissions = new[] { Permissions.RecordingUpload } });
        var telephony = app.Anonymous();
        telephony.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName,
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(phone), "callerNumber" },
            { new StringContent("ext 204"), "agent" },
            { new StringContent(calledAt.ToString("O", CultureInfo.InvariantCulture)), "startedAt" },
            { new StringContent("60"), "durationSeconds" },
        };
        var audio = new ByteArrayContent(new byte[4096]);
        audio.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("audio/wav");
        form.Add(audio, "file", "call.wav");
        var uploaded = await telephony.PostAsync("/api/recordings/calls", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var s = app.Literal(subjectId);
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE subject_id = '{s}'"));
        Assert.Contains("collection-case", HeldOf(await StatusAsync(dpo.Client, subjectId)));

        // The day after its two months (61 or 62 days, by the months) the recording goes; the collection case does not hold it.
        app.MoveTo(start.AddMonths(2).AddDays(1));
        await app.SweepAsync();
        Assert.Equal(0L, await app.CountAsync($"SELECT COUNT(*) FROM call_recordings WHERE subject_id = '{s}'"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM invoices WHERE id = '{app.Literal(invoiceId)}'"));
        Assert.Equal(1L, await app.CountAsync($"SELECT COUNT(*) FROM collection_cases WHERE subject_id = '{s}' AND closed_at IS NULL"));
        Assert.Equal(1L, await NamedConsumersAsync(consumerId));
    }
}
