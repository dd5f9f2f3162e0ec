using Microsoft.AspNetCore.Authorization;

namespace CustomerRegister.Identity;

/// <summary>
/// Authorization fails closed: when the request pipeline is built, every endpoint must either declare a
/// known permission or be explicitly anonymous. One that does neither stops the application from starting.
/// </summary>
public sealed class EndpointPermissionGuard : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        var endpoints = app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints;
        var unguarded = FindUndeclared(endpoints);
        if (unguarded.Count > 0)
        {
            throw new InvalidOperationException(
                "These endpoints declare no permission (use RequirePermission or AllowAnonymous): "
                + string.Join(", ", unguarded));
        }
    };

    public static IReadOnlyList<string> FindUndeclared(IEnumerable<Endpoint> endpoints)
    {
        var result = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var declared = metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => a.Policy is { } p
                          && p.StartsWith(Permissions.PolicyPrefix, StringComparison.Ordinal)
                          && Permissions.IsKnown(p[Permissions.PolicyPrefix.Length..]));
            if (!declared)
            {
                result.Add(endpoint.DisplayName ?? endpoint.ToString() ?? "?");
            }
        }

        return result;
    }
}
