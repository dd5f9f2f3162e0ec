namespace CustomerRegister.Audit;

/// <summary>
/// One append-only audit event. It names who did what to whose data, for which purpose, and which
/// categories or field names were touched. It never holds a value, so erasure leaves nothing behind here.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>"user", "client" or "system".</summary>
    public string ActorKind { get; set; } = "";

    public Guid? ActorId { get; set; }

    /// <summary>Dotted verb, e.g. <c>user.create</c>, <c>subject.read</c>.</summary>
    public string Action { get; set; } = "";

    public string Purpose { get; set; } = "";

    /// <summary>The data subject the event concerns, if any.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>Kind of record touched, e.g. <c>user</c>, <c>consumer</c>.</summary>
    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>Comma-separated category or field names; never values.</summary>
    public string Fields { get; set; } = "";

    /// <summary>
    /// For a grant of access (a user's roles, an API key): the comma-separated role and permission names granted,
    /// a removed one prefixed with <c>-</c>. Names of access rights, never personal data; null for other events.
    /// </summary>
    public string? Grants { get; set; }

    /// <summary>"ok", "denied", "failed".</summary>
    public string Outcome { get; set; } = "ok";

    public string? CorrelationId { get; set; }
}

/// <summary>
/// A seal over a contiguous run of audit events: the hash of the previous seal and of every event in
/// the run. Events are written plainly and sealed afterwards in batches, so no request waits for another.
/// </summary>
public sealed class AuditSeal
{
    /// <summary>1, 2, 3, … with no gaps; two sealers racing collide on this key and one retries.</summary>
    public long Number { get; set; }

    public long FirstEventId { get; set; }

    public long LastEventId { get; set; }

    public int EventCount { get; set; }

    /// <summary>Hex SHA-256 of the previous seal's hash and every sealed event's canonical form.</summary>
    public string Hash { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public DateTime SealedAt { get; set; }
}
