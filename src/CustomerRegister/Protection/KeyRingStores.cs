using System.Xml.Linq;
using CustomerRegister.Catalog;
using CustomerRegister.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerRegister.Protection;

/// <summary>Where the protected look-up key is kept: beside the key ring (its folder, or its table).</summary>
public interface ILookupKeyStore
{
    /// <summary>The stored (protected) look-up key; <paramref name="create"/> makes one when there is none yet.</summary>
    byte[] LoadOrCreate(Func<byte[]> create);
}

/// <summary>SQLite: the file <c>lookup-key.protected</c> in the key ring folder.</summary>
public sealed class FileLookupKeyStore(string keysPath) : ILookupKeyStore
{
    public const string FileName = "lookup-key.protected";

    public byte[] LoadOrCreate(Func<byte[]> create)
    {
        var path = Path.Combine(keysPath, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(create());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
        }

        return File.ReadAllBytes(path);
    }
}

/// <summary>
/// PostgreSQL: a row of <c>data_protection_keys</c> named <see cref="FriendlyName"/>, so every instance uses the same
/// one; created under an advisory lock so two instances starting together agree.
/// </summary>
public sealed class DatabaseLookupKeyStore(IServiceScopeFactory scopes) : ILookupKeyStore
{
    public const string FriendlyName = "customer-register-lookup-key";
    private const long LockId = 0x4c6f6f6b75704b; // "LookupK"

    public byte[] LoadOrCreate(Func<byte[]> create)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        using var transaction = db.Database.BeginTransaction();
        db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({LockId})");
        var row = db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName == FriendlyName).OrderBy(k => k.Id).FirstOrDefault();
        if (row is null)
        {
            row = new DataProtectionKey
            {
                FriendlyName = FriendlyName,
                Xml = new XElement("lookupKey", Convert.ToBase64String(create())).ToString(SaveOptions.DisableFormatting),
            };
            db.DataProtectionKeys.Add(row);
            db.SaveChanges();
        }

        transaction.Commit();
        return Convert.FromBase64String(XElement.Parse(row.Xml!).Value);
    }
}

/// <summary>PostgreSQL: the key ring in <c>data_protection_keys</c>, shared by every instance (the look-up key row left out).</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        return db.DataProtectionKeys.AsNoTracking()
            .Where(k => k.FriendlyName != DatabaseLookupKeyStore.FriendlyName && k.Xml != null)
            .OrderBy(k => k.Id).Select(k => k.Xml!).ToList()
            .Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegisterDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>The key ring table: on both providers (the schema is one), used on PostgreSQL.</summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) =>
        b.ToTable("data_protection_keys").IsOutsideRegister(
            "key material: Data Protection keys (each encrypted with the master key or certificate) and the protected look-up key");
}
