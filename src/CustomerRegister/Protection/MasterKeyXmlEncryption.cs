using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CustomerRegister.Protection;

/// <summary>
/// The key that encrypts the key ring at rest when no certificate is given: from <c>DataProtection:MasterKey</c>
/// (base64, at least 32 bytes) or, in Development only, a generated development key. The AES key is derived with
/// HKDF-SHA256; its <see cref="Fingerprint"/> (a hash, useless for decryption) tells which key a ring was written with.
/// </summary>
public sealed class KeyRingMasterKey
{
    public const int MinimumBytes = 32;
    private static readonly byte[] Info = "CustomerRegister key ring v1"u8.ToArray();

    public KeyRingMasterKey(byte[] secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"A master key has at least {MinimumBytes} bytes.", nameof(secret));
        }

        Key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Info);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData([.. "fingerprint:"u8, .. Key])[..8]);
    }

    internal byte[] Key { get; }

    public string Fingerprint { get; }

    /// <summary>The key from base64 text, or null with the reason it is not one.</summary>
    public static KeyRingMasterKey? Parse(string text, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            error = "DataProtection:MasterKey is not base64.";
            return null;
        }

        if (bytes.Length < MinimumBytes)
        {
            error = $"DataProtection:MasterKey has {bytes.Length} bytes; it needs at least {MinimumBytes} random bytes (e.g. `openssl rand -base64 32`).";
            return null;
        }

        return new KeyRingMasterKey(bytes);
    }
}

/// <summary>Encrypts each key of the ring with AES-256-GCM under the master key before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(KeyRingMasterKey masterKey) : IXmlEncryptor
{
    internal static readonly XName Element = "masterKeyEncrypted";
    internal static readonly byte[] Aad = "CustomerRegister key ring element v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(masterKey.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, Aad);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Element,
            new XAttribute("fingerprint", masterKey.Fingerprint),
            new XComment(" Encrypted with the master key (DataProtection:MasterKey); not readable without it. "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>
/// Decrypts what <see cref="MasterKeyXmlEncryptor"/> wrote. Data Protection creates it by type name with the service
/// provider; without a master key, or with a different one, decryption fails.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var masterKey = services.GetService<KeyRingMasterKey>()
            ?? throw new CryptographicException("The key ring is encrypted with a master key, and none is configured (DataProtection:MasterKey).");
        var fingerprint = (string?)encryptedElement.Attribute("fingerprint");
        if (fingerprint != masterKey.Fingerprint)
        {
            throw new CryptographicException(
                $"The key ring element was encrypted with master key {fingerprint}; the configured key is {masterKey.Fingerprint}.");
        }

        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (data.Length < nonceSize + tagSize)
        {
            throw new CryptographicException("The encrypted key ring element is truncated.");
        }

        var plain = new byte[data.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(masterKey.Key, tagSize))
        {
            aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize + tagSize), data.AsSpan(nonceSize, tagSize), plain,
                MasterKeyXmlEncryptor.Aad);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
