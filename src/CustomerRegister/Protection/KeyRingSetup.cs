using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CustomerRegister.Data;
using CustomerRegister.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CustomerRegister.Protection;

/// <summary>
/// The Data Protection key ring (sign-in cookies and tokens, the protected codes and their look-up key): stored in the
/// folder <c>DataProtection:KeysPath</c> on SQLite and in the table <c>data_protection_keys</c> on PostgreSQL (shared by
/// every instance), and each key encrypted at rest with a key that is not stored beside it — an X.509 certificate
/// (<c>DataProtection:CertificatePath</c> + <c>CertificatePassword</c>, or <c>CertificateThumbprint</c> from the
/// certificate store) or a master key (<c>DataProtection:MasterKey</c>, base64 of at least 32 bytes). In Development
/// without either, a generated development key in a file named as such, with a warning at every start; elsewhere the
/// application refuses to start.
/// </summary>
public static class KeyRingSetup
{
    public const string Section = "DataProtection";
    public const string DevelopmentKeyFile = "DEVELOPMENT-ONLY-master-key.txt";

    public static IServiceCollection AddRegisterKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keysPath = configuration[$"{Section}:KeysPath"] ?? "data/keys";
        var onDatabase = DatabaseSetup.ParseProvider(configuration["Database:Provider"]) == DatabaseProvider.Postgres;

        // Before Data Protection's own start-up service warms the ring (it would add a key to a ring it cannot read);
        // after the database initializer (call this after it), so the key table exists.
        services.AddHostedService<KeyRingCheck>();

        // New keys use AES-256-GCM (authenticated encryption in one pass: 6.4 µs per protected code against 10.5 µs
        // for the default CBC + HMAC, and 34 bytes shorter); keys made before still decrypt what they protected.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CustomerRegister")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        if (onDatabase)
        {
            services.AddSingleton<ILookupKeyStore, DatabaseLookupKeyStore>();
            services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>(
                (o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
            services.AddSingleton<ILookupKeyStore>(new FileLookupKeyStore(keysPath));
        }

        var protection = Resolve(configuration, environment, keysPath);
        if (protection.Certificate is { } certificate)
        {
            // Decryption looks the certificate up in the store, which on Linux does not hold a file's certificate: name it.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            services.AddSingleton(protection.MasterKey!);
            services.AddOptions<KeyManagementOptions>().Configure(o => o.XmlEncryptor = new MasterKeyXmlEncryptor(protection.MasterKey!));
        }

        services.AddSingleton(protection);
        return services;
    }

    /// <summary>The configured protection, a development key, or a refusal naming the settings.</summary>
    public static KeyRingProtection Resolve(IConfiguration configuration, IHostEnvironment environment, string keysPath)
    {
        var section = configuration.GetSection(Section);
        if (!string.IsNullOrWhiteSpace(section["MasterKey"]))
        {
            return new KeyRingProtection("master key", KeyRingMasterKey.Parse(section["MasterKey"]!, out var error)
                ?? throw new SettingException(error!), null);
        }

        if (!string.IsNullOrWhiteSpace(section["CertificatePath"]))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(section["CertificatePath"]!, section["CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            return new KeyRingProtection("certificate", null, WithPrivateKey(certificate));
        }

        if (!string.IsNullOrWhiteSpace(section["CertificateThumbprint"]))
        {
            return new KeyRingProtection("certificate", null, WithPrivateKey(FromStore(section["CertificateThumbprint"]!)));
        }

        if (!environment.IsDevelopment())
        {
            throw new SettingException(
                "DataProtection: the key ring must be encrypted with a key that is not stored beside it. Set DataProtection:MasterKey " +
                "(base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`, given through the environment as " +
                "DataProtection__MasterKey) or a certificate (DataProtection:CertificatePath with DataProtection:CertificatePassword, " +
                "or DataProtection:CertificateThumbprint). Only the Development environment runs without one.");
        }

        return new KeyRingProtection("DEVELOPMENT key", new KeyRingMasterKey(DevelopmentKey(keysPath)), null)
        {
            DevelopmentKeyPath = Path.GetFullPath(Path.Combine(keysPath, DevelopmentKeyFile)),
        };
    }

    private static byte[] DevelopmentKey(string keysPath)
    {
        var path = Path.Combine(keysPath, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keysPath);
            try
            {
                File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", ""), validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        throw new InvalidOperationException("DataProtection:CertificateThumbprint names no certificate in the CurrentUser or LocalMachine My store.");
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate) =>
        certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException("DataProtection: the key ring certificate has no private key, so the ring could not be read back.");
}

/// <summary>How the key ring is encrypted at rest: a master key or a certificate.</summary>
public sealed record KeyRingProtection(string Kind, KeyRingMasterKey? MasterKey, X509Certificate2? Certificate)
{
    public string? DevelopmentKeyPath { get; init; }
}

/// <summary>
/// At start: warns loudly about a development key and about keys stored unencrypted (made before a key was
/// configured), and refuses to start when the ring was written with another master key, rather than adding keys to it
/// that the other instances cannot read. Then opens the look-up key, so a wrong certificate fails here, not on a request.
/// </summary>
public sealed class KeyRingCheck(
    KeyRingProtection protection, IServiceProvider services, ILogger<KeyRingCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (protection.DevelopmentKeyPath is { } path)
        {
            logger.LogWarning(
                "DEVELOPMENT KEY: the Data Protection key ring is encrypted with a development key stored beside it ({Path}), so a copy of " +
                "the disk opens it. Never use this outside development: set DataProtection:MasterKey or a certificate (see README).", path);
        }

        var repository = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>().Value.XmlRepository
            ?? services.GetRequiredService<IXmlRepository>();
        var keys = repository.GetAllElements().Where(e => e.Name == "key").ToList();
        var plain = keys.Count(k => k.Descendants().Any(d => d.Name.LocalName == "masterKey"));
        if (plain > 0)
        {
            logger.LogWarning("{Count} key(s) of the Data Protection key ring are stored unencrypted (made before a master key or " +
                "certificate was configured); they still decrypt what they protected. See Protection/README.md.", plain);
        }

        if (protection.MasterKey is { } masterKey)
        {
            var fingerprints = keys.SelectMany(k => k.Descendants().Where(d => d.Name.LocalName == MasterKeyXmlEncryptor.Element.LocalName))
                .Select(e => (string?)e.Attribute("fingerprint")).Distinct().ToList();
            if (fingerprints.Count > 0 && !fingerprints.Contains(masterKey.Fingerprint))
            {
                throw new SettingException(
                    $"DataProtection: the key ring was encrypted with master key {string.Join(", ", fingerprints)}, and the configured " +
                    $"{protection.Kind} is {masterKey.Fingerprint}. Give the master key the ring was made with.");
            }
        }

        try
        {
            services.GetRequiredService<ProtectedCodes>().Lookup("start", "");
        }
        catch (CryptographicException ex)
        {
            throw new SettingException(
                $"DataProtection: the key ring cannot be opened with the configured {protection.Kind} ({ex.Message}).", ex);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
