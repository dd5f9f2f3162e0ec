using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>Whatever a client sends, the answer is a 4xx ProblemDetails, never a 500.</summary>
[Trait(Category.Name, Category.Integration)]
public sealed class MalformedInputTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    private static readonly string[] Bodies =
    [
        "{", "[]", "null", "\"text\"", "42", "{\"email\": 5, \"password\": true}", "{\"roles\": \"Administrator\"}",
        "{\"roles\": [1, {}], \"permissions\": {\"a\": 1}}", "{\"email\": \"" + new string('a', 5000) + "@x.fi\"}",
        "\u0000\u0001binary", "{\"limit\": -1}",
    ];

    [Fact]
    public async Task EveryDocumentedEndpointAnswersGarbageWithA4xx()
    {
        var admin = await app.AdminAsync();
        var auditor = await app.CreateUserAsync(Identity.Roles.Auditor);
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var tried = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                foreach (var url in Urls(path.Name))
                {
                    foreach (var client in new[] { admin, auditor.Client, app.Anonymous() })
                    {
                        foreach (var body in method == HttpMethod.Get ? [null] : Bodies.Append(null))
                        {
                            using var request = new HttpRequestMessage(method, url);
                            if (body is not null)
                            {
                                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                            }

                            var response = await client.SendAsync(request);
                            tried++;
                            Assert.True((int)response.StatusCode < 500,
                                $"{method} {url} with {body?[..Math.Min(body.Length, 40)]} answered {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        Assert.True(tried > 100, $"Only {tried} requests were tried; is the OpenAPI document complete?");
    }

    [Fact]
    public async Task MalformedJsonAnswers400ProblemDetails()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/users", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongTypesAnswer400()
    {
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/users",
            new StringContent("{\"email\": 5, \"displayName\": [], \"roles\": \"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AWrongQueryTypeAnswers400()
    {
        var auditor = await app.CreateUserAsync(Identity.Roles.Auditor);

        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.Client.GetAsync("/api/audit?subjectId=not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.Client.GetAsync("/api/audit?limit=many")).StatusCode);
    }

    [Fact]
    public async Task AnOversizedBodyAnswers413()
    {
        var admin = await app.AdminAsync();
        var huge = "{\"email\": \"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var response = await admin.PostAsync("/api/users", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownRouteAnswers404()
    {
        var admin = await app.AdminAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/users/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/nothing-here")).StatusCode);
    }

    private static IEnumerable<string> Urls(string template)
    {
        if (!template.Contains('{'))
        {
            yield return template + "?limit=abc&subjectId=zz&from=yesterday&before=-1";
            yield return template;
            yield break;
        }

        foreach (var value in new[] { Guid.NewGuid().ToString(), "not-a-guid", "%2e%2e%2f%2e%2e", "-1", new string('9', 300) })
        {
            yield return System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", value);
        }
    }
}
