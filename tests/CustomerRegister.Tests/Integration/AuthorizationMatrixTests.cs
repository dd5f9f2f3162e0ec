using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerRegister.Identity;
using CustomerRegister.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// Every operation of the OpenAPI document, called as every role, as an integration API key, as a key still waiting
/// for the DPO's approval and anonymously: the
/// outcome (refused as unauthenticated, refused as forbidden, or let through) must be what the README's permission
/// table says for the permission the endpoint declares. The list of operations and their permissions come from the
/// running application, so a new endpoint is covered without editing this test.
/// </summary>
[Trait(Category.Name, Category.Integration)]
public sealed partial class AuthorizationMatrixTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private enum Outcome
    {
        Unauthenticated,
        Forbidden,
        Allowed,
    }

    private sealed record Operation(HttpMethod Method, string Template, string? Permission, string? BodyType = null)
    {
        public override string ToString() => $"{Method} {Template}";
    }

    private sealed record Caller(string Name, HttpClient Client, Func<string, bool> Holds);

    [Fact]
    public async Task EveryEndpointAnswersEveryCallerAsTheReadmeTableSays()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count > 100, $"Only {operations.Count} operations found; is the OpenAPI document complete?");

        var table = ReadmePermissionTable.Read();
        var callers = new List<Caller> { new("anonymous", app.Anonymous(), _ => false) };
        foreach (var role in table.Roles)
        {
            var client = role == Roles.Administrator ? await app.AdminAsync() : (await app.CreateUserAsync(role)).Client;
            callers.Add(new Caller(role, client, permission => table.Grants(role, permission)));
        }

        var integration = IntegrationKeyPermissions();
        callers.Add(new Caller("api-key", await KeyClientAsync(integration), integration.Contains));

        // A key with a customer-data permission that no DPO has approved opens nothing.
        callers.Add(new Caller("unapproved-key", await KeyClientAsync([Permissions.CustomerRead]), _ => false));

        var wrong = new List<string>();
        foreach (var caller in callers)
        {
            // Signing out ends the caller's session, so it comes last.
            foreach (var operation in operations.OrderBy(o => o.Template.EndsWith("/logout", StringComparison.Ordinal)))
            {
                var expected = operation.Permission is null ? Outcome.Allowed
                    : caller.Name is "anonymous" or "unapproved-key" ? Outcome.Unauthenticated
                    : caller.Holds(operation.Permission) ? Outcome.Allowed
                    : Outcome.Forbidden;
                var (status, actual) = await CallAsync(caller.Client, operation);
                if (actual != expected || status >= 500)
                {
                    wrong.Add($"{caller.Name}: {operation} [{operation.Permission ?? "anonymous"}] answered {status}, expected {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task EveryApiEndpointIsInTheOpenApiDocumentWithTheSamePermission()
    {
        var documented = (await OperationsAsync()).Select(o => o.ToString()).ToHashSet();
        var routed = RoutedApiOperations().Select(o => o.ToString()).ToList();

        Assert.All(routed, o => Assert.True(documented.Contains(o), $"{o} is routed but not in the OpenAPI document"));
    }

    /// <summary>The OpenAPI operations, each with the permission its endpoint declares (null: anonymous).</summary>
    private async Task<List<Operation>> OperationsAsync()
    {
        var routed = RoutedApiOperations().ToDictionary(o => o.ToString());
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var key = $"{method.Name.ToUpperInvariant()} {Normalize(path.Name)}";
                Assert.True(routed.TryGetValue(key, out var operation), $"{key} is documented but not routed");
                var bodyType = method.Value.TryGetProperty("requestBody", out var body)
                    ? body.GetProperty("content").EnumerateObject().First().Name
                    : null;
                operations.Add(operation with { BodyType = bodyType });
            }
        }

        return operations;
    }

    private IEnumerable<Operation> RoutedApiOperations()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = Normalize("/" + endpoint.RoutePattern.RawText?.TrimStart('/'));
            if (!template.StartsWith("/api/", StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var permission = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? null
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Select(a => a.Policy)
                    .Single(p => p?.StartsWith(Permissions.PolicyPrefix, StringComparison.Ordinal) == true)![Permissions.PolicyPrefix.Length..];
            foreach (var method in methods.HttpMethods)
            {
                yield return new Operation(new HttpMethod(method), template, permission);
            }
        }
    }

    /// <summary>Route constraints and defaults dropped, no trailing slash: <c>/api/users/{id:guid}/</c> → <c>/api/users/{id}</c>.</summary>
    private static string Normalize(string template)
    {
        var plain = RouteParameter().Replace(template, m => "{" + m.Groups[1].Value + "}");
        return plain.Length > 1 ? plain.TrimEnd('/') : plain;
    }

    private async Task<(int Status, Outcome Outcome)> CallAsync(HttpClient client, Operation operation)
    {
        var url = RouteParameter().Replace(operation.Template, m => NumericParameters().Contains((operation.Template, m.Groups[1].Value))
            ? "987654"
            : Guid.NewGuid().ToString());
        using var request = new HttpRequestMessage(operation.Method, url);
        request.Content = operation.BodyType switch
        {
            null => null,
            "multipart/form-data" => new MultipartFormDataContent { { new StringContent("x"), "note" } },
            _ => new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        return (status, response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
            HttpStatusCode.Forbidden when await IsAuthorizationRefusalAsync(response) => Outcome.Forbidden,
            _ => Outcome.Allowed,
        });
    }

    /// <summary>
    /// The authorization layer answers 403 without a body of its own; an endpoint that refuses for a business reason
    /// (it ran, so the caller was let through) answers a ProblemDetails with its own type.
    /// </summary>
    private static async Task<bool> IsAuthorizationRefusalAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 || !body.Contains("urn:customer-register:", StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> IntegrationKeyPermissions() => [.. Permissions.Integration];

    private async Task<HttpClient> KeyClientAsync(IReadOnlyList<string> permissions)
    {
        var admin = await app.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/clients", new { name = "Matrix integration", permissions });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName,
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString());
        return client;
    }

    /// <summary>The route parameters constrained to a number (<c>{number:int}</c>), by normalised template: they get a number, the rest a GUID.</summary>
    private HashSet<(string Template, string Parameter)> NumericParameters() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.RoutePattern.Parameters
                .Where(p => p.ParameterPolicies.Any(c => c.Content is "int" or "long"))
                .Select(p => (Normalize("/" + e.RoutePattern.RawText?.TrimStart('/')), p.Name))),
    ];

    [GeneratedRegex(@"\{\*{0,2}([^:}=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
