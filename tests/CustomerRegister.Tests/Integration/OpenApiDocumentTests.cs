using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerRegister.Tests.Infrastructure;

namespace CustomerRegister.Tests.Integration;

/// <summary>
/// The OpenAPI document the app serves is one a client generator can use: it passes Redocly's recommended rules
/// (<c>tools/openapi-lint/redocly.yaml</c>) without an error or a warning, names its security and its upload forms.
/// The document does not depend on the database, so these run once, in the SQLite pass (no category).
/// </summary>
public sealed class OpenApiDocumentTests(RegisterFactory app) : IClassFixture<RegisterFactory>
{
    [Fact]
    public async Task TheServedDocumentPassesRedoclysRecommendedRules()
    {
        var tool = Path.Combine(ReadmePermissionTable.RepositoryRoot(), "tools", "openapi-lint");
        var cli = Path.Combine(tool, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is missing ({cli}): run `npm ci --prefix tools/openapi-lint` (test.sh does).");

        var document = Path.Combine(Path.GetTempPath(), $"register-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        try
        {
            var output = await RunNodeAsync(cli, "lint", document, "--config", Path.Combine(tool, "redocly.yaml"), "--format=json",
                "--max-problems=100000");
            var problems = JsonDocument.Parse(output).RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} "
                             + $"{p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();

            Assert.True(problems.Count == 0, $"{problems.Count} lint problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task AnonymousOperationsDeclareNoSecurityAndTheOthersTheirPermission()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Key: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToDictionary(o => o.Key, o => o.Operation);

        Assert.Empty(operations["POST /api/auth/login"].GetProperty("security").EnumerateArray());
        Assert.Equal(["bearer:Users.Manage", "apiKey:Users.Manage"], Requirements(operations["GET /api/users"]));
        // Recording.Upload belongs to keys only: no role grants it, so no bearer token can carry it.
        Assert.Equal(["apiKey:Recording.Upload"], Requirements(operations["POST /api/recordings/calls"]));
        Assert.Equal(["401", "403"], ErrorStatuses(operations["GET /api/users"]));
        Assert.Equal(["400", "401", "403", "404", "409", "413"], ErrorStatuses(operations["PUT /api/users/{id}/roles"]));
        Assert.Equal(["400", "401", "403", "413", "429"], ErrorStatuses(operations["POST /api/auth/login"]));
    }

    [Theory]
    [InlineData("/api/recordings/calls", "audio/*", "file agent startedAt durationSeconds", "callerNumber")]
    [InlineData("/api/recordings/cctv", "video/*", "file unit camera periodStart periodEnd", "")]
    public async Task UploadsDescribeTheirMultipartFields(string path, string fileType, string required, string optional)
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var form = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data");

        var schema = form.GetProperty("schema");
        var requiredFields = required.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(requiredFields.Order(), schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
        Assert.Equal(requiredFields.Concat(optional.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(),
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(fileType, form.GetProperty("encoding").GetProperty("file").GetProperty("contentType").GetString());
    }

    private static string[] Requirements(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray()
            .SelectMany(r => r.EnumerateObject().Select(s => $"{s.Name}:{string.Join(',', s.Value.EnumerateArray().Select(v => v.GetString()))}"))
            .ToArray();

    private static string[] ErrorStatuses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Where(s => s.StartsWith('4')).ToArray();

    /// <summary>Runs a Node script and returns its standard output (Redocly exits 1 when it finds problems).</summary>
    private static async Task<string> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode is 0 or 1, $"redocly exited {process.ExitCode}: {await error}");
        return await output;
    }
}
