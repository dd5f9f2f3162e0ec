using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Catalog;
using CustomerRegister.Cli;
using CustomerRegister.Data;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

[Trait(Category.Name, Category.Integration)]
public sealed partial class AccessReportTests(RequestsFactory app) : IClassFixture<RequestsFactory>
{
    private sealed record Person(Guid ConsumerId, Guid SubjectId, Guid CertificateId, Guid PayoutId);

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _done;

    [Fact]
    public async Task ReportListsEveryTableHoldingTheSubjectsRowsAndGivesTheProtectedCodesInFullToAStronglyIdentifiedRequester()
    {
        var person = await PersonAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var iban = await RevealAsync(dpo.Client, $"/api/consumers/{person.ConsumerId}?reveal=bankAccount", Purposes.Invoicing, "bankAccount");
        var code = await RevealAsync(dpo.Client, $"/api/vehicles/certificates/{person.CertificateId}?reveal=identityCode",
            Purposes.LegalObligation, "identityCode");
        var reader = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/api/subjects/{person.SubjectId}")).StatusCode);

        var requestId = await VerifiedRequestAsync(dpo.Client, person.SubjectId);
        var response = await dpo.Client.GetAsync($"/api/requests/{requestId}/access-report?format=json&lang=en");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var report = JsonDocument.Parse(json).RootElement;

        // (a) Nothing can be missed: every table holding the subject's rows, counted straight from the database.
        var expected = await ExpectedRowsAsync(person.SubjectId, requestId);
        Assert.Contains("scrapping_certificates", expected.Keys);
        Assert.Contains("metal_credit_payouts", expected.Keys);
        var reported = report.GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("items").EnumerateArray())
            .Select(i => (Table: i.GetProperty("table").GetString()!, Row: i.GetProperty("rowId").GetString()!))
            .Distinct().GroupBy(i => i.Table).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), reported.OrderBy(e => e.Key));
        Assert.DoesNotContain("search_entries", json, StringComparison.Ordinal);

        // (b) Identified strongly: the protected codes in full beside their masked form; never a cipher or a look-up hash.
        Assert.True(report.GetProperty("protectedCodesInFull").GetBoolean());
        Assert.Contains(code, json, StringComparison.Ordinal);
        Assert.Contains(iban, json, StringComparison.Ordinal);
        var categories = report.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.True(categories.ContainsKey(Categories.IdentityCode.Id));
        Assert.True(categories.ContainsKey(Categories.BankAccount.Id));
        var codeItem = categories[Categories.IdentityCode.Id].GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("rowId").GetString() == person.CertificateId.ToString());
        var maskedCode = codeItem.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "identity_code_masked").GetProperty("value").GetString();
        Assert.Equal(code[..7] + "****", maskedCode);
        Assert.DoesNotContain("cipher", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lookup", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(code, codeItem.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "identity_code").GetProperty("value").GetString());
        var html = await dpo.Client.GetStringAsync($"/api/requests/{requestId}/access-report?format=html&lang=fi");
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains(iban, html, StringComparison.Ordinal);
        Assert.Contains("Koska tunnistauduit vahvasti", html, StringComparison.Ordinal);
        Assert.DoesNotContain(code[..7] + "****", html, StringComparison.Ordinal);

        // Catalogue order, legal basis and retention beside the items.
        var order = categories.Keys.Select(id => Categories.All.ToList().FindIndex(c => c.Id == id)).ToList();
        Assert.Equal(order.Order().ToList(), order);
        Assert.Equal("identity-code-on-certificate", categories[Categories.IdentityCode.Id].GetProperty("retention").GetProperty("ruleId").GetString());
        Assert.Equal("waste-record", categories[Categories.VehicleScrapping.Id].GetProperty("retention").GetProperty("ruleId").GetString());

        // Each item with its due date: a scrapping certificate six years from its issue date (Jätelaki).
        var certificate = categories[Categories.VehicleScrapping.Id].GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("rowId").GetString() == person.CertificateId.ToString());
        var issued = DateOnly.Parse(certificate.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "issue_date").GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(issued.AddYears(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), certificate.GetProperty("dueDate").GetString());

        // The owner's nationality is on the certificate (2002/151/EC); the identity code only until 90 days after issue at most.
        Assert.Equal("SE", certificate.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "owner_nationality").GetProperty("value").GetString());
        Assert.Equal(issued.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), codeItem.GetProperty("dueDate").GetString());
        Assert.All(report.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()),
            i => Assert.True(i.GetProperty("dueDate").ValueKind == JsonValueKind.String || i.GetProperty("dueNote").ValueKind == JsonValueKind.String,
                i.ToString()));
        Assert.Equal("6 years", categories[Categories.VehicleScrapping.Id].GetProperty("retention").GetProperty("period").GetString());
        Assert.StartsWith("until the vehicle's deregistration is recorded, at most 90 days",
            categories[Categories.IdentityCode.Id].GetProperty("retention").GetProperty("period").GetString(), StringComparison.Ordinal);
        var use = categories[Categories.IdentityCode.Id].GetProperty("uses")[0];
        Assert.Equal(Purposes.LegalObligation, use.GetProperty("id").GetString());
        Assert.Equal("Meeting legal obligations", use.GetProperty("name").GetString());
        Assert.Equal("Legal obligation (Art 6(1)(c))", use.GetProperty("basis").GetString());
        Assert.Equal("Encore Ympäristöpalvelut Oy", report.GetProperty("controller").GetProperty("name").GetString());

        // (c) The staff member who read the person is listed by name.
        var accesses = report.GetProperty("accesses").EnumerateArray().ToList();
        Assert.Contains(accesses, a => a.GetProperty("actorId").GetString() == reader.Id.ToString()
            && a.GetProperty("actorName").GetString() == "Staff " + Roles.CustomerService && a.GetProperty("actorKind").GetString() == "user");

        // Recorded in the request's action log.
        var log = (await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/requests/{requestId}")).GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("access_report_generated", log);
    }

    /// <summary>
    /// Issue 15: the report is a letter to a lay reader. The old one (8 pages for one consumer) printed table and column
    /// names, enum names, configuration keys, UTC timestamps and E.164 phones, and repeated the purposes under every field.
    /// </summary>
    [Fact]
    public async Task TheLetterIsPlainFinnishByTopicAndMasksTheCodesOfARequesterNotStronglyIdentified()
    {
        var person = await PersonAsync(skip: 2);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var iban = await RevealAsync(dpo.Client, $"/api/consumers/{person.ConsumerId}?reveal=bankAccount", Purposes.Invoicing, "bankAccount");
        var code = await RevealAsync(dpo.Client, $"/api/vehicles/certificates/{person.CertificateId}?reveal=identityCode",
            Purposes.LegalObligation, "identityCode");
        var reader = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/api/subjects/{person.SubjectId}")).StatusCode);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Access", name: "Maija Mehiläinen"))).Id();
        await dpo.Client.StepAsync(id, "match", new { subjectId = person.SubjectId });
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "AnsweredFromRegisteredEmail" });

        var raw = await dpo.Client.GetStringAsync($"/api/requests/{id}/access-report?format=json&lang=fi");
        var json = JsonDocument.Parse(raw).RootElement;
        var html = await dpo.Client.GetStringAsync($"/api/requests/{id}/access-report?format=html&lang=fi");
        var (pdf, pages) = PdfText(await dpo.Client.GetByteArrayAsync($"/api/requests/{id}/access-report?format=pdf&lang=fi"));
        var text = Flat(System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(html, "(?s)<style>.*?</style>", " "), "<[^>]+>", " "));

        // Not strongly identified: masked everywhere, and the letter says why and how to get them in full.
        Assert.False(json.GetProperty("protectedCodesInFull").GetBoolean());
        foreach (var document in new[] { raw, text, Flat(pdf) })
        {
            Assert.DoesNotContain(code, document, StringComparison.Ordinal);
            Assert.DoesNotContain(Compact(iban), Compact(document), StringComparison.Ordinal);
        }

        Assert.Contains(code[..7] + "****", text, StringComparison.Ordinal);
        Assert.Contains("koska henkilöllisyyttäsi ei ole todennettu vahvasti", text, StringComparison.Ordinal);
        Assert.Contains("Saat ne kokonaan, kun tunnistaudut vahvasti", text, StringComparison.Ordinal);

        // Technical detail only in the JSON.
        Assert.Contains("first_name", raw, StringComparison.Ordinal);
        AssertPlain(text, json);
        AssertPlain(pdf, json);

        // A letter: greeting, topics, the person's values in Finnish form, the signature.
        Assert.Contains("Hei Maija Mehiläinen,", text, StringComparison.Ordinal);
        var phone = json.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == Categories.Phone.Id)
            .GetProperty("items")[0].GetProperty("fields")[0].GetProperty("value").GetString()!;
        Assert.StartsWith("+358", phone, StringComparison.Ordinal);
        Assert.Contains(CustomerRegister.Localization.Display.Phone(phone), text, StringComparison.Ordinal);
        Assert.Matches(@"\d+,\d\d\u00a0€", html);
        Assert.Contains("Ystävällisin terveisin Ari Aalto, tietosuojavastaava Encore Ympäristöpalvelut Oy", text, StringComparison.Ordinal);

        // Grouped by topic; each topic's purposes, sources and retention said once in words.
        var sections = html.Split("<h2>")[1..].ToDictionary(s => s[..s.IndexOf("</h2>", StringComparison.Ordinal)]);
        Assert.Contains("Yhteystietosi", sections.Keys);
        Assert.Contains("Asiakkuutesi", sections.Keys);
        Assert.Contains("Laskusi ja maksusi", sections.Keys);
        Assert.Contains("Romutetut ajoneuvosi", sections.Keys);
        Assert.Single(sections["Yhteystietosi"].Split("Säilytetään 24 kuukautta asiakkuuden päättymisestä.")[1..]);
        Assert.Single(sections["Yhteystietosi"].Split("Käytämme näitä tietoja")[1..]);
        Assert.Single(sections["Yhteystietosi"].Split("sopimuksemme perusteella")[1..]);
        Assert.Single(sections["Yhteystietosi"].Split("Tiedot on saatu")[1..]);
        Assert.Contains("kirjanpitolaki velvoittaa säilyttämään nämä 6 vuotta", sections["Laskusi ja maksusi"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("enintään 90 päivää todistuksen antamisesta", sections["Romutetut ajoneuvosi"], StringComparison.Ordinal);

        // Who received the data and who looked at it.
        Assert.Contains("Kenelle tietojasi on luovutettu", sections.Keys);
        Assert.Contains($"<td>Staff {Roles.CustomerService}</td><td>katsoi</td>", sections["Kuka on käsitellyt tietojasi"], StringComparison.Ordinal);

        // Said once, the letter is short (the old report of a consumer ran to 8 pages).
        Assert.True(pages <= 5, $"{pages} pages");
    }

    [Fact]
    public async Task ReportIsRefusedBeforeIdentityVerificationAndGivenAfter()
    {
        var person = await PersonAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var id = (await dpo.Client.CreateRequestAsync(RequestData.Intake())).Id();
        var unmatched = await dpo.Client.GetAsync($"/api/requests/{id}/access-report");
        Assert.Equal(HttpStatusCode.Conflict, unmatched.StatusCode);
        await dpo.Client.StepAsync(id, "match", new { subjectId = person.SubjectId });
        var early = await dpo.Client.GetAsync($"/api/requests/{id}/access-report");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True((await RegisterData.ErrorsOf(early)).TryGetProperty("state", out _));
        await dpo.Client.StepAsync(id, "verify-identity", new { method = "StrongElectronicIdentification" });
        Assert.Equal(HttpStatusCode.OK, (await dpo.Client.GetAsync($"/api/requests/{id}/access-report")).StatusCode);

        var erasure = (await dpo.Client.CreateRequestAsync(RequestData.Intake(type: "Erasure"))).Id();
        await dpo.Client.StepAsync(erasure, "match", new { subjectId = person.SubjectId });
        await dpo.Client.StepAsync(erasure, "verify-identity", new { method = "StrongElectronicIdentification" });
        Assert.Equal(HttpStatusCode.Conflict, (await dpo.Client.GetAsync($"/api/requests/{erasure}/access-report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/requests/{Guid.NewGuid()}/access-report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dpo.Client.GetAsync($"/api/subjects/{Guid.NewGuid()}/access-report")).StatusCode);
        var bad = await dpo.Client.GetAsync($"/api/subjects/{person.SubjectId}/access-report?format=xls&lang=de");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await RegisterData.ErrorsOf(bad);
        Assert.True(errors.TryGetProperty("format", out _));
        Assert.True(errors.TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task SwedishHtmlHasSwedishHeadingsAndTheSupervisoryAuthority()
    {
        var person = await PersonAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var response = await dpo.Client.GetAsync($"/api/subjects/{person.SubjectId}/access-report?format=html&lang=sv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Dina rättigheter", html, StringComparison.Ordinal);
        Assert.Contains("Till vem dina uppgifter har lämnats ut", html, StringComparison.Ordinal);
        Assert.Contains("Dina kontaktuppgifter", html, StringComparison.Ordinal);
        Assert.Contains("Sparas i 24 månader efter att kundrelationen upphört.", html, StringComparison.Ordinal);
        Assert.Contains("Med vänliga hälsningar", html, StringComparison.Ordinal);
        Assert.Contains("Dataombudsmannens byrå", html, StringComparison.Ordinal);
        Assert.Contains("Lintulahdenkuja 4", html, StringComparison.Ordinal);
        Assert.Contains("Skrotningsintyg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);

        // The letter keeps its one stylesheet inside (it is saved and mailed as one file); the policy allows exactly that
        // stylesheet by its hash, so a browser shows it styled, and still no script and no other inline style.
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"style-src 'self' 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinnishPdfIsALetterWithTheProtectedCodesInFullForAStronglyIdentifiedRequester()
    {
        // Another person than the JSON test's: a second portability request of the same person would be a duplicate.
        var person = await PersonAsync(skip: 1);
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var iban = await RevealAsync(dpo.Client, $"/api/consumers/{person.ConsumerId}?reveal=bankAccount", Purposes.Invoicing, "bankAccount");
        var code = await RevealAsync(dpo.Client, $"/api/vehicles/certificates/{person.CertificateId}?reveal=identityCode",
            Purposes.LegalObligation, "identityCode");
        var requestId = await VerifiedRequestAsync(dpo.Client, person.SubjectId);
        var json = JsonDocument.Parse(await dpo.Client.GetStringAsync($"/api/subjects/{person.SubjectId}/access-report")).RootElement;
        var masked = json.GetProperty("categories").EnumerateArray()
            .Where(c => c.GetProperty("id").GetString() is { } id && (id == Categories.IdentityCode.Id || id == Categories.BankAccount.Id))
            .SelectMany(c => c.GetProperty("items").EnumerateArray()).SelectMany(i => i.GetProperty("fields").EnumerateArray())
            .Where(f => f.GetProperty("name").GetString()!.EndsWith("_masked", StringComparison.Ordinal))
            .Select(f => f.GetProperty("value").GetString()).OfType<string>().ToList();
        Assert.Contains(code[..7] + "****", masked);
        Assert.Contains(masked, m => m.StartsWith(iban[..4], StringComparison.Ordinal) && m.Contains('*', StringComparison.Ordinal));

        var response = await dpo.Client.GetAsync($"/api/requests/{requestId}/access-report?format=pdf&lang=fi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var (text, pages) = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Tietosi asiakasrekisterissämme", text, StringComparison.Ordinal);
        Assert.Contains("Yhteystietosi", text, StringComparison.Ordinal);
        Assert.Contains("Romutetut ajoneuvosi", text, StringComparison.Ordinal);
        Assert.Contains("Oikeutesi", text, StringComparison.Ordinal);
        Assert.Contains("Tietosuojavaltuutetun toimisto", text, StringComparison.Ordinal);
        Assert.Contains("Lintulahdenkuja 4", text, StringComparison.Ordinal);
        Assert.Contains("Kuka on käsitellyt tietojasi", text, StringComparison.Ordinal);
        Assert.Contains("lakisääteisten velvoitteiden täyttäminen", text, StringComparison.Ordinal);
        Assert.Contains(Compact("Romutustodistukset: jätelaki velvoittaa säilyttämään nämä 6 vuotta todistuksen päivämäärästä."), Compact(text), StringComparison.Ordinal);
        Assert.Contains("Ystävällisin terveisin", text, StringComparison.Ordinal);
        Assert.Contains($"Sivu {pages} / {pages}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Purposes.Invoicing, text, StringComparison.Ordinal);
        AssertPlain(text, json);

        // Extracted text, not bytes: the content streams are compressed, so only extraction makes "present" mean present.
        var compact = Compact(text);
        Assert.Contains(Compact(iban), compact, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(code, compact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwedishPdfHasSwedishHeadingsAndTheSupervisoryAuthority()
    {
        var person = await PersonAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);

        var response = await dpo.Client.GetAsync($"/api/subjects/{person.SubjectId}/access-report?format=pdf&lang=sv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (text, pages) = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Dina uppgifter i vårt kundregister", text, StringComparison.Ordinal);
        Assert.Contains("Dina rättigheter", text, StringComparison.Ordinal);
        Assert.Contains("Till vem dina uppgifter har lämnats ut", text, StringComparison.Ordinal);
        Assert.Contains("Skrotningsintyg", text, StringComparison.Ordinal);
        Assert.Contains("Dataombudsmannens byrå", text, StringComparison.Ordinal);
        Assert.Contains("fullgörande av rättsliga förpliktelser", text, StringComparison.Ordinal);
        Assert.Contains("6 år", text, StringComparison.Ordinal);
        Assert.Contains($"Sida 1 av {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongAuditTrailIsSummedUpByWhoWhatAndWhy()
    {
        var person = await PersonAsync();
        var reader = await app.CreateUserAsync(Roles.CustomerService);
        const int reads = 120;
        for (var i = 0; i < reads; i += 10)
        {
            await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
                Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/api/subjects/{person.SubjectId}")).StatusCode)));
        }

        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var json = JsonDocument.Parse(await dpo.Client.GetStringAsync($"/api/subjects/{person.SubjectId}/access-report")).RootElement;
        var byReader = json.GetProperty("accesses").EnumerateArray().Count(a => a.GetProperty("actorId").GetString() == reader.Id.ToString());
        Assert.True(byReader >= reads, $"{byReader} accesses");
        var html = await dpo.Client.GetStringAsync($"/api/subjects/{person.SubjectId}/access-report?format=html&lang=en");
        Assert.Contains("<thead>", html, StringComparison.Ordinal);

        // One line per person, what they did and why, with how many times and when: not one row per read.
        var line = $"<tr><td>Staff {Roles.CustomerService}</td><td>looked</td><td>Managing the customer relationship</td>";
        Assert.Single(html.Split(line)[1..]);
        var count = html.Split(line)[1].Split("</td>")[1].Split("<td>")[1];
        Assert.Equal(byReader.ToString(CultureInfo.InvariantCulture), count);

        var (text, pages) = PdfText(await dpo.Client.GetByteArrayAsync($"/api/subjects/{person.SubjectId}/access-report?format=pdf&lang=en"));

        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
        Assert.Single(Compact(text).Split(Compact("Staff " + Roles.CustomerService))[1..]);
        Assert.Contains(Compact("Managing the customer relationship"), Compact(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLineWritesThePdfToAFile()
    {
        var person = await PersonAsync();
        var file = Path.Combine(Path.GetTempPath(), $"access-report-{Guid.NewGuid()}.pdf");
        try
        {
            var output = new StringWriter();
            Assert.Equal(2, await CommandLine.TryRunAsync(["requests", "report", person.SubjectId.ToString(), "--format", "pdf"], app.Services, output));
            Assert.Equal(0, await CommandLine.TryRunAsync(
                ["requests", "report", person.SubjectId.ToString(), "--format", "pdf", "--lang", "sv", "--out", file], app.Services, output));
            var (text, _) = PdfText(await File.ReadAllBytesAsync(file));
            Assert.Contains("Dataombudsmannens byrå", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CustomerServiceMayNotGetTheReport()
    {
        var person = await PersonAsync();
        var staff = await app.CreateUserAsync(Roles.CustomerService);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.GetAsync($"/api/subjects/{person.SubjectId}/access-report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.GetAsync($"/api/requests/{Guid.NewGuid()}/access-report")).StatusCode);
    }

    [Fact]
    public async Task ReportAuditEventNamesCategoriesButNoValues()
    {
        var person = await PersonAsync();
        var dpo = await app.CreateUserAsync(Roles.DataProtectionOfficer);
        var json = await dpo.Client.GetStringAsync($"/api/subjects/{person.SubjectId}/access-report");
        var report = JsonDocument.Parse(json).RootElement;
        var trail = await dpo.Client.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={person.SubjectId}&limit=500");
        var generated = trail.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "access_report.generate").ToList();
        Assert.NotEmpty(generated);
        var fields = generated[^1].GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains(Categories.Name.Id, fields);
        Assert.All(generated, e => Assert.Equal(Purposes.DataSubjectRights, e.GetProperty("purpose").GetString()));
        var raw = string.Join("\n", generated.Select(e => e.GetRawText()));
        var name = report.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("id").GetString() == Categories.Name.Id)
            .GetProperty("items")[0].GetProperty("fields")[0].GetProperty("value").GetString()!;
        Assert.DoesNotContain(name, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLinePrintsTheReport()
    {
        var person = await PersonAsync();
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["requests", "report", person.SubjectId.ToString(), "--format", "html", "--lang", "en"],
            app.Services, output));
        Assert.Contains("Office of the Data Protection Ombudsman", output.ToString(), StringComparison.Ordinal);
    }
}
