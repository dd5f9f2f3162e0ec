using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerRegister.Audit;

/// <summary>
/// Canonical hashing of audit events into a seal: SHA-256 over the previous seal's hash followed by each
/// event's fields, each length-prefixed so that no two different events can serialise to the same bytes.
/// </summary>
public sealed class AuditHasher : IDisposable
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _lengthBuffer = new byte[4];

    public AuditHasher(string previousHash) => Write(previousHash);

    public void Append(AuditEvent e)
    {
        Write(e.Id.ToString(CultureInfo.InvariantCulture));
        Write(e.OccurredAt.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture));
        Write(e.ActorKind);
        Write(e.ActorId?.ToString("N"));
        Write(e.Action);
        Write(e.Purpose);
        Write(e.SubjectId?.ToString("N"));
        Write(e.EntityType);
        Write(e.EntityId);
        Write(e.Fields);
        Write(e.Outcome);
        Write(e.CorrelationId);

        // Written only when present, so events sealed before the field existed hash as they did.
        if (e.Grants is not null)
        {
            Write("grants");
            Write(e.Grants);
        }
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();

    private void Write(string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(_lengthBuffer, -1);
            _hash.AppendData(_lengthBuffer);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(_lengthBuffer, bytes.Length);
        _hash.AppendData(_lengthBuffer);
        _hash.AppendData(bytes);
    }
}
