using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerRegister.Protection;

/// <summary>
/// Encryption at rest and keyed look-up hashes for the protected codes (personal identity code, bank account).
/// Both keys live in the key ring folder outside the database (<c>DataProtection:KeysPath</c>): a copy of the
/// database alone reveals neither the codes nor, by brute force over the small code space, their hashes.
/// Encryption keys rotate with the Data Protection key ring (new key every 90 days, old keys still decrypt).
/// </summary>
public sealed class ProtectedCodes
{
    private const string LookupKeyFile = "lookup-key.protected";
    private readonly IDataProtector _codes;
    private readonly Lazy<byte[]> _lookupKey;

    public ProtectedCodes(IDataProtectionProvider provider, IConfiguration configuration)
    {
        _codes = provider.CreateProtector("CustomerRegister.ProtectedCodes.v1");
        var keyProtector = provider.CreateProtector("CustomerRegister.LookupKey.v1");
        var path = Path.Combine(configuration["DataProtection:KeysPath"] ?? "data/keys", LookupKeyFile);
        _lookupKey = new Lazy<byte[]>(() => LoadOrCreateLookupKey(path, keyProtector));
    }

    public byte[] Encrypt(string value) => _codes.Protect(Encoding.UTF8.GetBytes(value));

    public string Decrypt(byte[] cipher) => Encoding.UTF8.GetString(_codes.Unprotect(cipher));

    /// <summary>HMAC-SHA256 of a normalised value under the secret look-up key, scoped by kind.</summary>
    public byte[] Lookup(string kind, string normalizedValue) =>
        HMACSHA256.HashData(_lookupKey.Value, Encoding.UTF8.GetBytes(kind + ":" + normalizedValue));

    private static byte[] LoadOrCreateLookupKey(string path, IDataProtector protector)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(protector.Protect(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
        }

        return protector.Unprotect(File.ReadAllBytes(path));
    }
}
