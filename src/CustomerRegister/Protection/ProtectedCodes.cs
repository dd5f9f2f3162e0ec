using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CustomerRegister.Protection;

/// <summary>
/// Encryption at rest and keyed look-up hashes for the protected codes (personal identity code, bank account).
/// Both keys live with the key ring outside the register's tables (<see cref="KeyRingSetup"/>), each encrypted at rest
/// with the master key or certificate: a copy of the database and the data folder reveals neither the codes nor, by brute
/// force over the small code space, their hashes. Encryption keys rotate with the Data Protection key ring (new key
/// every 90 days, old keys still decrypt).
/// </summary>
public sealed class ProtectedCodes
{
    private readonly IDataProtector _codes;
    private readonly Lazy<byte[]> _lookupKey;

    public ProtectedCodes(IDataProtectionProvider provider, ILookupKeyStore store)
    {
        _codes = provider.CreateProtector("CustomerRegister.ProtectedCodes.v1");
        var keyProtector = provider.CreateProtector("CustomerRegister.LookupKey.v1");
        _lookupKey = new Lazy<byte[]>(() =>
            keyProtector.Unprotect(store.LoadOrCreate(() => keyProtector.Protect(RandomNumberGenerator.GetBytes(32)))));
    }

    public byte[] Encrypt(string value) => _codes.Protect(Encoding.UTF8.GetBytes(value));

    public string Decrypt(byte[] cipher) => Encoding.UTF8.GetString(_codes.Unprotect(cipher));

    /// <summary>HMAC-SHA256 of a normalised value under the secret look-up key, scoped by kind.</summary>
    public byte[] Lookup(string kind, string normalizedValue) =>
        HMACSHA256.HashData(_lookupKey.Value, Encoding.UTF8.GetBytes(kind + ":" + normalizedValue));
}
