namespace CustomerRegister.Subjects;

/// <summary>A person's whole picture by subject key, and the group companies' scoped read.</summary>
public static class SubjectsFeature
{
    public static IServiceCollection AddSubjectsFeature(this IServiceCollection services)
    {
        services.AddScoped<SubjectPictures>();
        services.AddScoped<GroupCompanyQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubjectsFeature(this IEndpointRouteBuilder app) =>
        app.MapSubjects().MapGroupCompany();
}
