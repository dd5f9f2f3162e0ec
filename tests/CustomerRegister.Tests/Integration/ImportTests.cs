using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Imports;
using CustomerRegister.Infrastructure.Jobs;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// CSV imports (issue 17 item 3): each file with its source and provenance; rows validated by the customer rules, matched
/// to people already in the register, a kept ban re-applied at once, a dry run that foretells the import, and an import
/// that is all or nothing.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class ImportTests(RetentionFactory app) : IClassFixture<RetentionFactory>
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task AnErasedPersonsBannedEmailComesInBannedAndADuplicateIsMatchedByEmailAndFilled()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var tag = Tag();
        var bannedEmail = $"kielto.{tag}@example.fi";
        var erased = (await dpo.Client.CreateConsumerAsync(new { firstName = "Eero", lastName = "Poistettu", email = bannedEmail, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        await PostOkAsync(dpo.Client, $"/api/subjects/{erased}/marketing-consents",
            new { channel = "Email", purpose = "sales_and_marketing", kind = "Prohibition", source = "Consumer", evidence = "puhelu-1" });
        await EraseAsync(dpo.Client, erased);

        var existingEmail = $"olemassa.{tag}@example.fi";
        var existing = (await service.Client.CreateConsumerAsync(new { firstName = "Olli", lastName = "Olemassa", email = existingEmail, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();

        // Finnish Excel: semicolons, a byte order mark; the banned email typed in capitals.
        var file = "first_name;last_name;street;postal_code;city;phone;email\n"
                   + $"Eero;Palaaja;;;;;{bannedEmail.ToUpperInvariant()}\n"
                   + $"Olli;Olemassa;Kotikatu 1;00100;Helsinki;;{existingEmail}\n"
                   + $"Uusi;Ihminen{tag};Uusikatu 2;33100;Tampere;040 123 4567;uusi.{tag}@example.fi\n";
        var started = await UploadAsync(service.Client, file, "Consumers", "PublicSources", "FillEmpty", bom: true);
        var batch = await BatchAsync(service.Client, started);
        Assert.Equal("Checked", batch.GetProperty("state").GetString());
        var counts = batch.GetProperty("counts");
        Assert.Equal((3, 2, 1, 0, 1), (counts.GetProperty("rows").GetInt32(), counts.GetProperty("new").GetInt32(), counts.GetProperty("updated").GetInt32(),
            counts.GetProperty("refused").GetInt32(), counts.GetProperty("banned").GetInt32()));
        var rows = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows");
        Assert.Equal(("New", true), (rows[0].GetProperty("action").GetString(), rows[0].GetProperty("banned").GetBoolean()));
        Assert.Equal(("Updated", "Email", existing), (rows[1].GetProperty("action").GetString(), rows[1].GetProperty("matchedBy").GetString(),
            rows[1].GetProperty("subjectId").GetGuid()));

        // The dry run saved nothing.
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE last_name = 'Palaaja'"));
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE city = 'Helsinki' AND last_name = 'Olemassa'"));

        await ConfirmAsync(service.Client, started);
        batch = await BatchAsync(service.Client, started);
        Assert.Equal("Imported", batch.GetProperty("state").GetString());
        rows = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows");
        var returned = rows[0].GetProperty("subjectId").GetGuid();
        var decision = await service.Client.GetFromJsonAsync<JsonElement>(
            $"/api/marketing/can-contact?subjectId={returned}&channel=Email&purpose=sales_and_marketing");
        Assert.Equal("prohibited", decision.GetProperty("reason").GetString());
        var consumer = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{existing}");
        Assert.Equal("Helsinki", consumer.GetProperty("consumer").GetProperty("city").GetString());
        var created = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{rows[2].GetProperty("subjectId").GetGuid()}");
        Assert.Equal("PublicSources", created.GetProperty("consumer").GetProperty("source").GetString());

        // The access report names the file the person came from, its source and supplier (Art 15(1)(g)).
        var report = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{returned}/access-report?format=json");
        var import = Assert.Single(report.GetProperty("imports").EnumerateArray());
        Assert.Equal(("Testitoimittaja Oy", "tuonti.csv"), (import.GetProperty("supplier").GetString(), import.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task PeopleAndOrganisationsAreMatchedByNameAndAddressAsWrittenDifferentlyAndByEarlierRowsOfTheSameFile()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var tag = Tag();
        var lastName = $"Mäkelä{tag}";
        var existing = (await service.Client.CreateConsumerAsync(new
        {
            firstName = "Maija",
            lastName,
            street = "Kotikatu 5 B 12",
            postalCode = "00100",
            city = "Helsinki",
            source = "Consumer",
        })).GetProperty("subjectId").GetGuid();
        var organisation = "Metallipaja Oy";
        var postalCode = Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        var existingOrganisation = (await service.Client.CreateOrganisationAsync(new
        {
            name = organisation,
            street = "Pajatie 1",
            postalCode,
            city = "Jyväskylä",
            source = "CustomerOrganisation",
        })).GetProperty("id").GetGuid();

        // The person in capitals with the address spaced otherwise; a new person twice, the second time by another
        // spelling of the same email; a third row matching the new person by name and address.
        var file = "first_name;last_name;street;postal_code;city;phone;email\n"
                   + $"MAIJA;{lastName.ToUpperInvariant()};kotikatu 5 b12;00100;;;maija.{tag}@example.fi\n"
                   + $"Toivo;Tuonti{tag};Tuontitie 3;33100;Tampere;;toivo.{tag}@example.fi\n"
                   + $"Toivo;Tuonti{tag};;;;040 765 4321;TOIVO.{tag}@EXAMPLE.FI\n"
                   + $"toivo;tuonti{tag};TUONTITIE 3;33100;;;\n";
        var started = await UploadAsync(service.Client, file, "Consumers", "PublicSources", "FillEmpty", bom: false);
        var rows = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows");
        string Outcome(int i) => $"{rows[i].GetProperty("action").GetString()}/{rows[i].GetProperty("matchedBy").GetString()}";
        Assert.Equal(["Updated/NameAndAddress", "New/", "Updated/Email", "Unchanged/NameAndAddress"], Enumerable.Range(0, 4).Select(Outcome));
        Assert.Equal(existing, rows[0].GetProperty("subjectId").GetGuid());

        await ConfirmAsync(service.Client, started);
        Assert.Equal("Imported", (await BatchAsync(service.Client, started)).GetProperty("state").GetString());
        rows = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows");
        Assert.Equal(rows[1].GetProperty("subjectId").GetGuid(), rows[2].GetProperty("subjectId").GetGuid());
        var filled = await service.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{existing}");
        Assert.Equal($"maija.{tag}@example.fi", filled.GetProperty("consumer").GetProperty("email").GetString());
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE last_name = 'Tuonti{tag}' AND phone IS NOT NULL"));

        // An organisation by its name in capitals (and a space too many) at the same postal code.
        var organisations = $"name;business_id;street;postal_code;city;sole_trader\nMETALLIPAJA  OY;0245974-7;;{postalCode};;\n";
        var second = await UploadAsync(service.Client, organisations, "Organisations", "PublicSources", "FillEmpty", bom: false);
        var row = (await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{second}/rows"))[0];
        Assert.Equal(("Updated", "NameAndAddress", existingOrganisation.ToString()),
            (row.GetProperty("action").GetString(), row.GetProperty("matchedBy").GetString(), row.GetProperty("recordId").GetString()));
    }

    [Fact]
    public async Task ARowWithAWrongBusinessIdIsRefusedWithTheReasonAndTheFileCannotBeImported()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var tag = Tag();

        // Commas, no byte order mark.
        var file = "name,business_id,street,postal_code,city,sole_trader\n"
                   + $"Hyvä {tag} Oy,0245974-7,Tehdaskatu 1,33100,Tampere,ei\n"
                   + $"Huono {tag} Oy,0245974-8,Tehdaskatu 2,33100,Tampere,\n";
        var started = await UploadAsync(service.Client, file, "Organisations", "ProspectingTool", "Skip", bom: false);
        var batch = await BatchAsync(service.Client, started);
        Assert.Equal(1, batch.GetProperty("counts").GetProperty("refused").GetInt32());
        var refused = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows?action=Refused");
        var row = Assert.Single(refused.EnumerateArray());
        Assert.Equal(3, row.GetProperty("line").GetInt32());
        var reason = Assert.Single(row.GetProperty("reasons").EnumerateArray());
        Assert.Equal("business_id", reason.GetProperty("column").GetString());
        Assert.Contains("check", reason.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);

        var confirm = await service.Client.PostAsync($"/api/imports/{started}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM organisations WHERE name = 'Hyvä {tag} Oy'"));

        // The report downloads as CSV for Finnish Excel.
        var report = await service.Client.GetAsync($"/api/imports/{started}/report?language=fi");
        var bytes = await report.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.True(text.Contains("3;Hylätty;;;;business_id;\"Tarkistusnumero ei täsmää", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task ARowThatFailsWhenConfirmedLeavesNothingOfTheFile()
    {
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var tag = Tag();
        var email = $"rajoitettu.{tag}@example.fi";
        var restricted = (await service.Client.CreateConsumerAsync(new { firstName = "Riitta", lastName = "Rajoitettu", email, source = "Consumer" }))
            .GetProperty("subjectId").GetGuid();
        var file = "first_name;last_name;email\n"
                   + $"Ensi;Uusi{tag};ensi.{tag}@example.fi\n"
                   + $"Riitta;Rajoitettu;{email}\n";
        var started = await UploadAsync(service.Client, file, "Consumers", "PartnerNetwork", "Update", bom: false);
        Assert.Equal(0, (await BatchAsync(service.Client, started)).GetProperty("counts").GetProperty("refused").GetInt32());

        // Between the check and the import the person's processing is restricted: the import refuses the row, and the
        // whole file with it.
        var request = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Restriction", subjectId: restricted))).Id();
        await dpo.Client.StepAsync(request, "start", new { });
        await dpo.Client.StepAsync(request, "restrict", new { ground = "AccuracyContested" });

        await ConfirmAsync(service.Client, started);
        var batch = await BatchAsync(service.Client, started);
        Assert.Equal("Failed", batch.GetProperty("state").GetString());
        Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM consumers WHERE last_name = 'Uusi{tag}'"));
        var refused = await service.Client.GetFromJsonAsync<JsonElement>($"/api/imports/{started}/rows?action=Refused");
        Assert.Equal(3, Assert.Single(refused.EnumerateArray()).GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task AFileWithoutARequiredColumnIsRefusedWhole()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var started = await UploadAsync(service.Client, "first_name;sukunimi\nEero;Mäkinen\n", "Consumers", "PublicSources", "Skip", bom: false);
        var batch = await BatchAsync(service.Client, started);
        Assert.Equal(("Failed", "Imports.File.MissingColumns"), (batch.GetProperty("state").GetString(), batch.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task MarketingImportsAProspectListButBillingCannotImport()
    {
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        var started = await UploadAsync(marketing.Client, $"first_name;last_name\nPekka;Prospekti{Tag()}\n", "Consumers", "ProspectingTool", "Skip", bom: false);
        Assert.Equal("Checked", (await BatchAsync(marketing.Client, started)).GetProperty("state").GetString());

        var billing = await app.CreateUserAsync(Roles.Billing);
        var response = await billing.Client.PostAsync("/api/imports?kind=Consumers&source=PublicSources&supplier=X&policy=Skip",
            new StringContent("first_name;last_name\nA;B\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AFileLeftUnconfirmedIsDeletedAfterTheDaysAllowedAndARunAStoppedAppLeftIsClosed()
    {
        var service = await app.CreateUserAsync(Roles.CustomerService);
        var tag = Tag();
        var file = $"first_name;last_name;email\nOdottava;Tiedosto{tag};odottava.{tag}@example.fi\n";
        var waiting = await UploadAsync(service.Client, file, "Consumers", "PublicSources", "Skip", bom: false);
        var interrupted = await UploadAsync(service.Client, file, "Consumers", "PublicSources", "Skip", bom: false);

        // The app stopped while the second file was being imported: the batch says so, but no job runs it any more.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
            (await db.Set<ImportBatch>().SingleAsync(b => b.Id == interrupted)).State = ImportState.Importing;
            await db.SaveChangesAsync();
        }

        await HousekeepAsync(h => h.CloseInterruptedAsync(CancellationToken.None));
        var closed = await BatchAsync(service.Client, interrupted);
        Assert.Equal(("Failed", ImportHousekeeping.Interrupted), (closed.GetProperty("state").GetString(), closed.GetProperty("problem").GetString()));
        Assert.Equal("Checked", (await BatchAsync(service.Client, waiting)).GetProperty("state").GetString());

        // A day short of the days allowed the checked file waits; past them it is deleted, and it can no longer be imported.
        var days = app.Services.GetRequiredService<IOptions<ImportOptions>>().Value.UnconfirmedKeepDays;
        app.Clock.Advance(TimeSpan.FromDays(days - 1));
        await HousekeepAsync(h => h.DiscardUnconfirmedAsync(CancellationToken.None));
        var later = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal("Checked", (await BatchAsync(later.Client, waiting)).GetProperty("state").GetString());

        app.Clock.Advance(TimeSpan.FromDays(2));
        await HousekeepAsync(h => h.DiscardUnconfirmedAsync(CancellationToken.None));
        later = await app.CreateUserAsync(Roles.CustomerService);
        var discarded = await BatchAsync(later.Client, waiting);
        Assert.Equal(("Discarded", ImportHousekeeping.Unconfirmed), (discarded.GetProperty("state").GetString(), discarded.GetProperty("problem").GetString()));
        var confirm = await later.Client.PostAsync($"/api/imports/{waiting}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.False(File.Exists(ImportBatches.PathOf(app.Services.GetRequiredService<IOptions<ImportOptions>>().Value, waiting)));
        Assert.Equal(1L, await CountAsync($"SELECT COUNT(*) FROM audit_events WHERE action = 'import.expired' AND entity_id = '{waiting}'"));
    }

    private async Task HousekeepAsync(Func<ImportHousekeeping, Task<int>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ImportHousekeeping>());
    }

    private async Task<Guid> UploadAsync(HttpClient client, string csv, string kind, string source, string policy, bool bom)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "tuonti.csv");
        var response = await client.PostAsync($"/api/imports?kind={kind}&source={source}&supplier=Testitoimittaja%20Oy&policy={policy}", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {text}");
        var started = JsonDocument.Parse(text).RootElement;
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(started.GetProperty("jobId").GetGuid());
        return started.GetProperty("batchId").GetGuid();
    }

    private async Task ConfirmAsync(HttpClient client, Guid batchId)
    {
        var started = await PostOkAsync(client, $"/api/imports/{batchId}/confirm", new { });
        await app.Services.GetRequiredService<BackgroundJobs>().WhenFinishedAsync(started.GetProperty("jobId").GetGuid());
    }

    private static Task<JsonElement> BatchAsync(HttpClient client, Guid id) => client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task EraseAsync(HttpClient client, Guid subjectId)
    {
        var id = (await client.CreateRequestAsync(new { type = "Erasure", channel = "Phone", requesterName = "Soittaja", text = "Poistakaa tietoni." })).Id();
        await client.StepAsync(id, "match", new { subjectId });
        await client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        await client.StepAsync(id, "start", new { });
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/erase", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}
