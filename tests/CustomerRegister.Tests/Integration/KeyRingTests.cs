using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CustomerRegister.Identity;
using CustomerRegister.Protection;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The key ring is encrypted at rest with a key that is not stored beside it: a copy of the data folder and the database
/// decrypts nothing without it; PostgreSQL instances share the ring through the database.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed class KeyRingTests
{
    private const string Iban = "FI2112345600000785";
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static object Consumer() => new
    {
        firstName = "Aino",
        lastName = "Avain",
        street = "Rautatienkatu 5",
        postalCode = "33100",
        city = "Tampere",
        bankAccount = Iban,
        source = "Consumer",
    };

    [Fact]
    public async Task ACopyOfTheDataFolderAndTheDatabaseCannotDecryptAProtectedCodeWithoutTheMasterKey()
    {
        using var db = new TestDatabase();
        await using (var app = new KeyRingFactory(db, KeyA))
        {
            var reception = await app.CreateUserAsync(Roles.VehicleReception);
            await reception.Client.CreateConsumerAsync(Consumer());
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("DEVELOPMENT KEY", StringComparison.Ordinal));
        }

        var cipher = (byte[])(await db.ScalarAsync("SELECT bank_account_cipher FROM consumers WHERE bank_account_cipher IS NOT NULL"))!;
        var ring = await CopyRingAsync(db);

        Assert.NotEmpty(ring);
        Assert.All(ring, e => Assert.True(Has(e, "masterKeyEncrypted")));
        Assert.DoesNotContain(ring, e => Has(e, "masterKey"));
        Assert.False(File.Exists(Path.Combine(db.Folder, "keys", KeyRingSetup.DevelopmentKeyFile)));
        Assert.ThrowsAny<CryptographicException>(() => Protector(ring, null).Unprotect(cipher));
        Assert.ThrowsAny<CryptographicException>(() => Protector(ring, KeyB).Unprotect(cipher));
        Assert.Equal(Iban, Encoding.UTF8.GetString(Protector(ring, KeyA).Unprotect(cipher)));
    }

    [Fact]
    public async Task AnInstanceWithAWrongOrNoMasterKeyRefusesToStartAndTheRightKeyRevealsTheCode()
    {
        using var db = new TestDatabase();
        Guid id;
        await using (var app = new KeyRingFactory(db, KeyA))
        {
            var reception = await app.CreateUserAsync(Roles.VehicleReception);
            id = (await reception.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        }

        var keys = await RingCountAsync(db);
        await using (var wrong = new KeyRingFactory(db, KeyB))
        {
            var refused = Assert.ThrowsAny<Exception>(() => wrong.Services);
            Assert.Contains("the key ring was encrypted with master key", refused.ToString());
        }

        // Development without a key makes a development key, which is not the one the ring was written with.
        await using (var none = new KeyRingFactory(db, null))
        {
            var refused = Assert.ThrowsAny<Exception>(() => none.Services);
            Assert.Contains("the key ring was encrypted with master key", refused.ToString());
        }

        Assert.Equal(keys, await RingCountAsync(db));
        await using (var again = new KeyRingFactory(db, KeyA))
        {
            var reception = await again.CreateUserAsync(Roles.VehicleReception);
            Assert.Equal("FI21 1234 5600 0007 85", await RevealAsync(reception.Client, id));
        }
    }

    [Fact]
    public async Task OutsideDevelopmentTheAppRefusesToStartWithoutAKey()
    {
        using var db = new TestDatabase();
        await using var production = new KeyRingFactory(db, null, environment: "Production");

        var refused = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("DataProtection:MasterKey", refused.ToString());
        Assert.Contains("Only the Development environment runs without one", refused.ToString());
    }

    [Fact]
    public async Task AMasterKeyThatIsTooShortIsRefusedAtStart()
    {
        using var db = new TestDatabase();
        await using var app = new KeyRingFactory(db, Convert.ToBase64String(new byte[16]), environment: "Production");

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection:MasterKey has 16 bytes", refused.ToString());
    }

    [Fact]
    public async Task InDevelopmentWithoutAKeyADevelopmentKeyIsMadeAndLoudlyLogged()
    {
        using var db = new TestDatabase();
        await using var app = new KeyRingFactory(db, null);
        var reception = await app.CreateUserAsync(Roles.VehicleReception);
        var id = (await reception.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();

        Assert.Equal("FI21 1234 5600 0007 85", await RevealAsync(reception.Client, id));
        Assert.True(File.Exists(Path.Combine(db.Folder, "keys", KeyRingSetup.DevelopmentKeyFile)));
        Assert.Contains(app.Logs.Lines, l => l.Contains("DEVELOPMENT KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(await CopyRingAsync(db), e => Has(e, "masterKey"));
    }

    [Fact]
    public async Task TwoInstancesShareTheKeyRingAndACodeProtectedByOneRevealsInTheOther()
    {
        using var db = new TestDatabase();

        // On PostgreSQL each instance has a key folder of its own: the ring is in the database.
        var folderB = TestDatabase.IsPostgres ? Path.Combine(db.Folder, "keys-b") : null;
        await using var a = new KeyRingFactory(db, KeyA);
        var reception = await a.CreateUserAsync(Roles.VehicleReception);
        var id = (await reception.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        await using var b = new KeyRingFactory(db, KeyA, keysPath: folderB);

        var login = await b.LoginAsync(reception.Email, RegisterFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var inB = await b.SignInAsync(reception.Email, RegisterFactory.UserPassword);
        Assert.Equal("FI21 1234 5600 0007 85", await RevealAsync(inB, id));

        var rows = Convert.ToInt64(await db.ScalarAsync("SELECT COUNT(*) FROM data_protection_keys"));
        if (TestDatabase.IsPostgres)
        {
            Assert.True(rows >= 2, "the ring and the look-up key are rows of data_protection_keys");
            Assert.Equal(1L, Convert.ToInt64(await db.ScalarAsync(
                $"SELECT COUNT(*) FROM data_protection_keys WHERE friendly_name = '{DatabaseLookupKeyStore.FriendlyName}'")));
            Assert.False(HasKeyFiles(Path.Combine(db.Folder, "keys")));
            Assert.False(HasKeyFiles(folderB!));
        }
        else
        {
            Assert.Equal(0, rows);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(db.Folder, "keys"), "*.xml"));
        }
    }

    [Fact]
    public async Task ACertificateCanEncryptTheKeyRingInstead()
    {
        using var db = new TestDatabase();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Customer Register key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var pfx = Path.Combine(db.Folder, "key-ring.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx passphrase"));
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "pfx passphrase",
        };

        Guid id;
        await using (var app = new KeyRingFactory(db, null, environment: "Production", settings: settings))
        {
            var reception = await app.CreateUserAsync(Roles.VehicleReception);
            id = (await reception.Client.CreateConsumerAsync(Consumer())).GetProperty("id").GetGuid();
        }

        var ring = await CopyRingAsync(db);
        Assert.Contains(ring, e => Has(e, "encryptedSecret"));
        Assert.DoesNotContain(ring, e => Has(e, "masterKey"));
        await using (var again = new KeyRingFactory(db, null, environment: "Production", settings: settings))
        {
            var reception = await again.CreateUserAsync(Roles.VehicleReception);
            Assert.Equal("FI21 1234 5600 0007 85", await RevealAsync(reception.Client, id));
        }
    }

    private static async Task<string> RevealAsync(HttpClient client, Guid consumerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/consumers/{consumerId}?reveal=bankAccount");
        request.Headers.Add("X-Purpose", "invoicing_and_contracts");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("bankAccount").GetString()!;
    }

    /// <summary>A Data Protection provider an attacker would build from the copied ring, with or without a master key.</summary>
    private static IDataProtector Protector(IReadOnlyCollection<XElement> ring, string? masterKey)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("CustomerRegister");
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new CopiedRing(ring);
            o.AutoGenerateKeys = false;
        });
        if (masterKey is not null)
        {
            services.AddSingleton(new KeyRingMasterKey(Convert.FromBase64String(masterKey)));
        }

        return services.BuildServiceProvider().GetDataProtector("CustomerRegister.ProtectedCodes.v1");
    }

    /// <summary>The key ring as a copy of the disk and the database holds it: files on SQLite, rows on PostgreSQL.</summary>
    private static async Task<List<XElement>> CopyRingAsync(TestDatabase db)
    {
        if (db.Provider != Data.DatabaseProvider.Postgres)
        {
            return Directory.GetFiles(Path.Combine(db.Folder, "keys"), "*.xml").Select(f => XElement.Load(f)).ToList();
        }

        var ring = new List<XElement>();
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT xml FROM data_protection_keys WHERE friendly_name <> '{DatabaseLookupKeyStore.FriendlyName}'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ring.Add(XElement.Parse(reader.GetString(0)));
        }

        return ring;
    }

    private static bool HasKeyFiles(string folder) => Directory.Exists(folder) && Directory.GetFiles(folder, "*.xml").Length > 0;

    private static bool Has(XElement element, string localName) => element.Descendants().Any(d => d.Name.LocalName == localName);

    private static async Task<int> RingCountAsync(TestDatabase db) => (await CopyRingAsync(db)).Count;

    private sealed class CopiedRing(IReadOnlyCollection<XElement> elements) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => elements;

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("read-only copy");
    }

    /// <summary>The app on a shared test database (which the test owns), with a master key or none.</summary>
    private sealed class KeyRingFactory(
        TestDatabase database, string? masterKey, string environment = "Development", string? keysPath = null,
        Dictionary<string, string>? settings = null) : RegisterFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);

            // These tests speak plain HTTP to the test server; ProductionHardeningTests covers the redirect to HTTPS.
            builder.UseSetting("Network:RedirectToHttps", "false");
            if (masterKey is not null)
            {
                builder.UseSetting("DataProtection:MasterKey", masterKey);
            }

            if (keysPath is not null)
            {
                builder.UseSetting("DataProtection:KeysPath", keysPath);
            }

            foreach (var (name, value) in settings ?? [])
            {
                builder.UseSetting(name, value);
            }
        }

        protected override void Dispose(bool disposing) => DisposeHostOnly(disposing);
    }
}
