using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Catalog;
using CustomerRegister.Cli;
using CustomerRegister.Finnish;
using CustomerRegister.Identity;
using CustomerRegister.Marketing;
using CustomerRegister.Subjects;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>The seed-demo verb run in-process, its data checked through the API like a client would.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class SeedDemoTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task SeededDataIsValidSearchableDeterministicAndShowsInThePicture()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "7"], app.Services, output));
        Assert.Contains("Seeded 300 subjects", output.ToString());
        Assert.Equal(300L, await CountAsync("SELECT COUNT(*) FROM subjects"));
        if (app.Database.Provider == Data.DatabaseProvider.Postgres)
        {
            // The bulk load leaves every index and foreign key in place and valid, and the tables' settings as they were.
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM pg_class WHERE reloptions::text LIKE '%autovacuum_enabled%'"));
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"));
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM pg_index WHERE NOT indisvalid"));
        }


        var client = (await app.CreateUserAsync(Roles.CustomerService)).Client;
        var consumers = await AllConsumersAsync(client);
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM subjects WHERE kind = 'Consumer'"), consumers.Count);
        Assert.InRange(consumers.Count, 200, 290);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM contact_persons") > 5);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM organisations WHERE is_sole_trader") > 0);

        foreach (var c in consumers)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("lastName").GetString()));
            if (c.GetProperty("phone").GetString() is { } phone)
            {
                Assert.Matches(@"^\+3584\d{7,8}$|^\+35850\d{7}$", phone);
                Assert.Equal(phone, PhoneNumber.Parse(phone).Value);
            }

            if (c.GetProperty("bankAccount").GetString() is { } account)
            {
                Assert.Matches(@"^FI\d\d \*{4} \*{4} \*\*\d\d \d\d$", account);
            }

            if (c.GetProperty("postalCode").GetString() is { } postalCode)
            {
                Assert.Matches(@"^\d{5}$", postalCode);
            }

            if (c.GetProperty("email").GetString() is { } email)
            {
                Assert.True(EmailAddress.TryParse(email, out _, out _), email);
            }
        }

        Assert.Contains(consumers, c => c.GetProperty("bankAccount").GetString() is not null);
        var person = consumers.First(c => c.GetProperty("phone").GetString() is not null && c.GetProperty("lastName").GetString()!.Length >= 5);
        var id = person.GetProperty("id").GetGuid();
        var lastName = person.GetProperty("lastName").GetString()!;

        var byName = await SearchAsync(client, lastName[..4].ToLowerInvariant() + " " + person.GetProperty("firstName").GetString());
        Assert.Contains(byName, h => h.GetProperty("id").GetGuid() == id);
        var phoneNumber = person.GetProperty("phone").GetString()!;
        var byPhone = await SearchAsync(client, "0" + phoneNumber[4..6] + " " + phoneNumber[6..]);
        Assert.Contains(byPhone, h => h.GetProperty("id").GetGuid() == id);

        var picture = await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{person.GetProperty("subjectId").GetGuid()}");
        Assert.Equal(lastName, picture.GetProperty("consumer").GetProperty("lastName").GetString());
        var contactSubject = Guid.Parse((await app.Database.ScalarAsync("SELECT subject_id FROM contact_persons LIMIT 1"))!.ToString()!);
        var contactPicture = await client.GetFromJsonAsync<JsonElement>($"/api/subjects/{contactSubject}");
        Assert.Equal(1, contactPicture.GetProperty("contactRoles").GetArrayLength());

        // The same seed again adds the same people once more (new ids, unique business IDs).
        Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "300", "--seed", "7"], app.Services, new StringWriter()));
        Assert.Equal(2L * consumers.Count, await CountAsync("SELECT COUNT(*) FROM consumers"));
        Assert.Equal(0L, await CountAsync(
            "SELECT COUNT(*) FROM (SELECT first_name, last_name, street, phone FROM consumers GROUP BY first_name, last_name, street, phone "
            + "HAVING COUNT(*) <> 2) x"));
        Assert.Equal(0L, await CountAsync(
            "SELECT COUNT(*) FROM (SELECT first_name, last_name, title FROM contact_persons GROUP BY first_name, last_name, title "
            + "HAVING COUNT(*) % 2 <> 0) x"));
        Assert.Equal(await CountAsync("SELECT COUNT(DISTINCT business_id) FROM organisations"),
            await CountAsync("SELECT COUNT(business_id) FROM organisations"));
    }

    [Fact]
    public async Task SeedDemoRefusesAMissingCount()
    {
        var output = new StringWriter();
        Assert.Equal(2, await CommandLine.TryRunAsync(["seed-demo", "--seed", "7"], app.Services, output));
        Assert.Contains("--subjects", output.ToString());
    }

    private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql));

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&limit=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<List<JsonElement>> AllConsumersAsync(HttpClient client)
    {
        var all = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/consumers?limit=200{(after is null ? "" : "&after=" + after)}");
            all.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);
        return all;
    }

    /// <summary>The categories beyond customers: relationships, marketing, billing and vehicles, on a database of their own.</summary>
    [Trait(Category.Name, Category.Integration)]
    public sealed class Categories(RegisterFactory app) : IClassFixture<RegisterFactory>
    {
        [Fact]
        public async Task EveryCategoryIsSeededAsTheApiWouldStoreIt()
        {
            var output = new StringWriter();
            Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "400", "--seed", "11"], app.Services, output));
            var perSubject = double.Parse(Regex.Match(output.ToString(), @"rows, ([\d.]+) per subject").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(perSubject, 16, 26);

            // Every customer has one relationship with a unique number; about 30 % have ended, never in the future.
            Assert.Equal(await CountAsync("SELECT COUNT(*) FROM consumers") + await CountAsync("SELECT COUNT(*) FROM organisations"),
                await CountAsync("SELECT COUNT(DISTINCT customer_number) FROM customer_relationships"));
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM consumers c WHERE NOT EXISTS "
                + "(SELECT 1 FROM customer_relationships r WHERE r.subject_id = c.subject_id)"));
            var ended = await CountAsync("SELECT COUNT(*) FROM customer_relationships WHERE status = 'Ended' AND end_date IS NOT NULL");
            Assert.Equal(ended, await CountAsync("SELECT COUNT(*) FROM customer_relationships WHERE end_date IS NOT NULL"));
            Assert.InRange(ended / (double)await CountAsync("SELECT COUNT(*) FROM customer_relationships"), 0.2, 0.4);
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM ordered_services s JOIN customer_relationships r ON r.id = s.relationship_id "
                + "WHERE r.status = 'Ended' AND s.status <> 'Cancelled'"));
            Assert.True(await CountAsync("SELECT COUNT(*) FROM contracts") > 0);
            Assert.True(await CountAsync("SELECT COUNT(*) FROM service_events WHERE kind = 'Suspended'") > 0);

            // Paid invoices are paid in full (SQLite keeps decimals as text: compare as numbers); invoices in collection belong to a case.
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM invoices i WHERE i.status = 'Paid' AND (SELECT COALESCE(SUM("
                + "CAST(p.amount AS DOUBLE PRECISION)), 0) FROM payments p WHERE p.invoice_id = i.id) < CAST(i.amount AS DOUBLE PRECISION) - 0.001"));
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM invoices WHERE status = 'InCollection' AND collection_case_id IS NULL"));
            Assert.True(await CountAsync("SELECT COUNT(*) FROM metal_credit_payouts") > 0);

            var staff = (await app.CreateUserAsync(Roles.DataProtectionOfficer)).Client;
            await CertificateOwnerAsync(staff);
            await MarketingLedgersAreValidAsync(staff);

            // A second run with the same seed appends the same data with new unique numbers.
            Assert.Equal(0, await CommandLine.TryRunAsync(["seed-demo", "--subjects", "400", "--seed", "11"], app.Services, new StringWriter()));
            foreach (var (table, column) in new[]
            {
                ("customer_relationships", "customer_number"), ("contracts", "contract_number"), ("invoices", "invoice_number"),
                ("scrapping_certificates", "certificate_number"),
            })
            {
                Assert.Equal(await CountAsync($"SELECT COUNT(*) FROM {table}"), await CountAsync($"SELECT COUNT(DISTINCT {column}) FROM {table}"));
            }
        }

        private async Task CertificateOwnerAsync(HttpClient staff)
        {
            var subjectId = await GuidAsync("SELECT c.subject_id FROM scrapping_certificates c "
                + "WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.subject_id = c.subject_id) ORDER BY c.certificate_number LIMIT 1");
            var picture = await staff.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
            var consumer = picture.GetProperty("consumer");
            var consumerId = consumer.GetProperty("id").GetGuid();
            var name = $"{consumer.GetProperty("firstName").GetString()} {consumer.GetProperty("lastName").GetString()}";
            var sections = picture.GetProperty("sections");

            var relationship = sections.GetProperty("relationships")[0];
            var customerNumber = relationship.GetProperty("relationship").GetProperty("customerNumber").GetString()!;
            Assert.Matches(@"^AS-\d{7,}$", customerNumber);
            Assert.InRange(relationship.GetProperty("services").GetArrayLength(), 1, 3);
            Assert.InRange(sections.GetProperty("contactHistory").GetArrayLength(), 2, 6);
            Assert.True(sections.GetProperty("marketing").GetProperty("consents").GetProperty("ledger").GetArrayLength() >= 1);
            var invoice = sections.GetProperty("billing").GetProperty("invoices")[0];
            Assert.Equal(name, invoice.GetProperty("billedTo").GetProperty("name").GetString());
            Assert.Equal(consumer.GetProperty("city").GetString(), invoice.GetProperty("billedTo").GetProperty("city").GetString());

            var certificate = sections.GetProperty("vehicles")[0];
            if (certificate.GetProperty("identityCode").GetString() is { } shown)
            {
                Assert.Matches(@"^\d{6}[-A]\*{4}$", shown);
            }

            Assert.False(certificate.GetProperty("identityCodeRevealed").GetBoolean());
            Assert.Equal(17, certificate.GetProperty("vin").GetString()!.Length);
            Assert.DoesNotMatch("[IOQ]", certificate.GetProperty("vin").GetString()!);
            var registration = certificate.GetProperty("registrationNumber").GetString()!;
            Assert.Matches(@"^[A-Z]{3}-\d{1,3}$", registration);
            Assert.Equal(name, certificate.GetProperty("owner").GetProperty("name").GetString());
            Assert.True(Vehicles.VehicleRules.CountryCodes.Contains(certificate.GetProperty("owner").GetProperty("nationality").GetString()!));

            // Search finds the owner by customer number and by registration number.
            Assert.Contains(await SearchAsync(staff, customerNumber), h => h.GetProperty("id").GetGuid() == consumerId);
            Assert.Contains(await SearchAsync(staff, registration.ToLowerInvariant()), h => h.GetProperty("id").GetGuid() == consumerId);

            // Every certificate names the owner's nationality; the identity code is kept (all three forms) only while the
            // deregistration is not recorded and the period after issue has not passed, as the API and the sweep leave it.
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM scrapping_certificates WHERE owner_nationality IS NULL"));
            var bound = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-new Vehicles.VehiclesOptions().IdentityCodeDays - 1)
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM scrapping_certificates WHERE identity_code_cipher IS NOT NULL "
                + $"AND (deregistered_on IS NOT NULL OR issue_date < '{bound}')"));
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM scrapping_certificates WHERE (identity_code_cipher IS NULL) "
                + "<> (identity_code_masked IS NULL) OR (identity_code_cipher IS NULL) <> (identity_code_lookup IS NULL)"));
            Assert.True(await CountAsync("SELECT COUNT(*) FROM scrapping_certificates WHERE deregistered_on IS NOT NULL") > 0);

            // The identity code is stored encrypted: it decrypts to a valid synthetic code that fits the mask and the keyed hash.
            var certificateId = await GuidAsync("SELECT id FROM scrapping_certificates WHERE identity_code_cipher IS NOT NULL "
                + "ORDER BY certificate_number LIMIT 1");
            var masked = (await staff.GetFromJsonAsync<JsonElement>($"/api/vehicles/certificates/{certificateId}")).GetProperty("identityCode").GetString()!;
            Assert.Matches(@"^\d{6}[-A]\*{4}$", masked);
            using var reveal = new HttpRequestMessage(HttpMethod.Get, $"/api/vehicles/certificates/{certificateId}?reveal=identityCode");
            reveal.Headers.Add("X-Purpose", Purposes.LegalObligation);
            var revealed = await (await staff.SendAsync(reveal)).Content.ReadFromJsonAsync<JsonElement>();
            var code = PersonalIdentityCode.Parse(revealed.GetProperty("identityCode").GetString()!);
            Assert.Equal(masked, code.Masked());
            Assert.InRange(code.BirthDate.Year, 1940, 2005);
            Assert.InRange(int.Parse(code.Value[7..10], CultureInfo.InvariantCulture), 2, 899);
            Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM scrapping_certificates WHERE identity_code_masked NOT LIKE '%****'"));
            using var find = new HttpRequestMessage(HttpMethod.Post, "/api/vehicles/certificates/find-by-identity-code")
            {
                Content = JsonContent.Create(new { identityCode = code.Value }),
            };
            find.Headers.Add("X-Purpose", Purposes.LegalObligation);
            var reception = (await app.CreateUserAsync(Roles.VehicleReception)).Client;
            var found = await (await reception.SendAsync(find)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(found.EnumerateArray(), c => c.GetProperty("id").GetGuid() == certificateId);
        }

        /// <summary>Replays seeded ledgers through the rules: every entry acceptable when appended, invitations only where allowed.</summary>
        private async Task MarketingLedgersAreValidAsync(HttpClient staff)
        {
            Assert.True(await CountAsync("SELECT COUNT(*) FROM marketing_consents WHERE kind = 'Prohibition'") > 0);
            Assert.True(await CountAsync("SELECT COUNT(*) FROM marketing_consents WHERE kind = 'SoftOptIn'") > 0);

            // Web events only of people whose web-behaviour consent is in force, and only after it was given.
            Assert.True(await CountAsync("SELECT COUNT(*) FROM web_events") > 0);
            Assert.Equal(0L, await CountAsync("""
                SELECT COUNT(*) FROM web_events w WHERE NOT EXISTS (SELECT 1 FROM marketing_consents c
                    WHERE c.subject_id = w.subject_id AND c.channel = 'Web' AND c.purpose = 'web_behaviour_analysis'
                      AND c.kind = 'PermissionGranted' AND c.superseded_at IS NULL AND c.occurred_at <= w.occurred_at)
                   OR EXISTS (SELECT 1 FROM marketing_consents p WHERE p.subject_id = w.subject_id AND p.channel = 'Web'
                      AND p.kind = 'Prohibition' AND p.superseded_at IS NULL)
                """));

            // Every soft opt-in rests on the person's own relationship, offered an opt-out and names a service line.
            Assert.Equal(0L, await CountAsync($"""
                SELECT COUNT(*) FROM marketing_consents c WHERE c.kind = 'SoftOptIn' AND NOT (c.opt_out_offered IS TRUE
                    AND c.service_line IN ('{string.Join("', '", MarketingConsentRules.ServiceLines)}')
                    AND EXISTS (SELECT 1 FROM customer_relationships r WHERE r.id = c.relationship_id AND r.subject_id = c.subject_id))
                """));
            Assert.True(await CountAsync("SELECT COUNT(*) FROM event_invitations") > 0);
            Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM event_invitations i JOIN marketing_consents c ON c.subject_id = i.subject_id "
                + "AND c.channel = i.channel AND c.kind = 'Prohibition'"));

            // Each entry's replacement time, which the consent-evidence period counts from, is what the ledger's dates say
            // (the same definition as the migration that filled it for entries made before it existed).
            Assert.True(await CountAsync("SELECT COUNT(*) FROM marketing_consents WHERE superseded_at IS NOT NULL") > 0);
            Assert.Equal(0L, await CountAsync("""
                SELECT COUNT(*) FROM (
                    SELECT c.superseded_at AS s, (SELECT MIN(n.occurred_at) FROM marketing_consents n
                        WHERE n.subject_id = c.subject_id AND n.channel = c.channel AND n.purpose = c.purpose AND n.occurred_at > c.occurred_at
                          AND n.kind <> c.kind AND (n.kind IN ('Prohibition', 'ProhibitionLifted')) = (c.kind IN ('Prohibition', 'ProhibitionLifted'))) AS m
                    FROM marketing_consents c) x
                WHERE (s IS NULL AND m IS NOT NULL) OR (s IS NOT NULL AND m IS NULL) OR s <> m
                """));

            var subjects = new List<Guid>();
            for (var i = 0; i < 8; i++)
            {
                subjects.Add(await GuidAsync($"SELECT subject_id FROM event_invitations ORDER BY id LIMIT 1 OFFSET {i}"));
                subjects.Add(await GuidAsync($"SELECT subject_id FROM marketing_consents WHERE kind IN ('Prohibition', 'PermissionWithdrawn') "
                    + $"ORDER BY id LIMIT 1 OFFSET {i}"));
            }

            foreach (var subjectId in subjects.Distinct())
            {
                var picture = await staff.GetFromJsonAsync<JsonElement>($"/api/subjects/{subjectId}");
                var kind = Enum.Parse<SubjectKind>(picture.GetProperty("kind").GetString()!);
                var marketing = picture.GetProperty("sections").GetProperty("marketing");
                var facts = new List<ConsentFact>();
                foreach (var e in marketing.GetProperty("consents").GetProperty("ledger").EnumerateArray())
                {
                    var fact = new ConsentFact(Enum.Parse<MarketingChannel>(e.GetProperty("channel").GetString()!), e.GetProperty("purpose").GetString()!,
                        Enum.Parse<ConsentEntryKind>(e.GetProperty("kind").GetString()!), e.GetProperty("occurredAt").GetDateTime(), e.GetProperty("id").GetGuid());
                    Assert.Null(MarketingConsentRules.Refusal(kind, fact.Channel, fact.Purpose, fact.Kind, facts));
                    facts.Add(fact);
                }

                var state = marketing.GetProperty("consents").GetProperty("state").EnumerateArray().ToList();
                foreach (var invitation in marketing.GetProperty("eventInvitations").EnumerateArray())
                {
                    var channel = invitation.GetProperty("channel").GetString();
                    Assert.Contains(state, d => d.GetProperty("channel").GetString() == channel
                        && d.GetProperty("purpose").GetString() == Purposes.Marketing && d.GetProperty("allowed").GetBoolean());
                }
            }
        }

        private async Task<long> CountAsync(string sql) => Convert.ToInt64(await app.Database.ScalarAsync(sql), CultureInfo.InvariantCulture);

        private async Task<Guid> GuidAsync(string sql) => Guid.Parse((await app.Database.ScalarAsync(sql))!.ToString()!);
    }
}
