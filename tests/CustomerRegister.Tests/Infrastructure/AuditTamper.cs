namespace CustomerRegister.Tests.Infrastructure;

/// <summary>What someone with direct database access would do to the audit trail: switch the guard off, change, switch it on.</summary>
public static class AuditTamper
{
    public static Task RunAsync(RegisterFactory app, string sql) => app.Database.Provider == Data.DatabaseProvider.Postgres
        ? app.Database.ExecuteAsync($"""
            ALTER TABLE audit_events DISABLE TRIGGER USER;
            {sql};
            ALTER TABLE audit_events ENABLE TRIGGER USER;
            """)
        : app.Database.ExecuteAsync($"""
            DROP TRIGGER IF EXISTS audit_events_no_update;
            DROP TRIGGER IF EXISTS audit_events_no_delete;
            {sql};
            """);
}
