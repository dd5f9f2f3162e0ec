namespace CustomerRegister.Infrastructure;

/// <summary>The body of an action on a versioned record that changes nothing else: the version the caller read.</summary>
public sealed record VersionRequest(long? Version);
