namespace CustomerRegister.Audit;

/// <summary>The hash-chained audit trail, its sealing and verification.</summary>
public static class AuditFeature
{
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<AuditVerifications>();
        services.AddScoped<AuditActors>();
        services.AddScoped<Subjects.ISubjectSection, AuditViewersSection>();
        services.AddHostedService<AuditSealingService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuditFeature(this IEndpointRouteBuilder app) =>
        app.MapAudit();
}
