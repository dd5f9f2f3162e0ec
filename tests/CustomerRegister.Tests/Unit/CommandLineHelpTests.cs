using CustomerRegister.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRegister.Tests.Unit;

/// <summary>The verbs' help and usage: answered by the parser alone, before any service is used.</summary>
public sealed class CommandLineHelpTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    [Theory]
    [InlineData("migrate")]
    [InlineData("create-admin", "--email", "--password", "--name")]
    [InlineData("catalog", "--json")]
    [InlineData("seed-demo", "--subjects", "--seed")]
    [InlineData("audit verify")]
    [InlineData("requests list")]
    [InlineData("requests report", "<ID>", "--format", "--lang", "--out")]
    [InlineData("requests poll-mailbox")]
    [InlineData("retention preview", "--as-of")]
    [InlineData("retention run")]
    [InlineData("recordings check", "--repair")]
    public async Task EveryVerbAnswersHelpNamingItsOptions(string verb, params string[] options)
    {
        var (code, output, error) = await RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains($"{verb} ", output);
        Assert.Contains("--help", output);
        Assert.All(options, o => Assert.Contains(o, output));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task TheOverviewNamesEveryVerbWithItsOptions(string help)
    {
        var (code, output, _) = await RunAsync(help);

        Assert.Equal(0, code);
        Assert.Contains("requests report <ID> [--format json|html|pdf] [--lang fi|sv|en] [--out FILE]", output);
        Assert.Contains("create-admin --email E [--password P] [--name N]", output);
        Assert.Contains("recordings check [--repair]", output);
    }

    [Theory]
    [InlineData("retention preview --as-at 2026-12-31", "--as-at", "retention preview [options]")]
    [InlineData("requests report", "Required argument missing", "requests report <ID> [options]")]
    [InlineData("requests report not-an-id", "not-an-id", "requests report <ID> [options]")]
    [InlineData("requests report 5f0c3c5e-8d0b-4d6e-9a53-2f0b7c1d9e11 --format docx", "docx", "--format <json|html|pdf>")]
    [InlineData("requests report 5f0c3c5e-8d0b-4d6e-9a53-2f0b7c1d9e11 --format pdf", "--format pdf needs --out FILE.", "--out <FILE>")]
    [InlineData("seed-demo --subjects none", "none", "seed-demo [options]")]
    [InlineData("seed-demo --subjects 0", "seed-demo needs --subjects N", "seed-demo [options]")]
    [InlineData("create-admin --name N", "'--email' is required", "create-admin [options]")]
    [InlineData("catalog --yaml", "--yaml", "catalog [options]")]
    [InlineData("audit", "Required command was not provided", "verify")]
    [InlineData("frobnicate", "frobnicate", "audit verify")]
    public async Task AWrongOptionOrAMissingArgumentAnswersWithUsageAndExitCodeTwo(string args, string problem, string usage)
    {
        var (code, output, error) = await RunAsync(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(problem, error);
        Assert.Contains(usage, error);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5081")]
    public async Task WithoutAVerbTheWebApplicationRuns(params string[] args) =>
        Assert.Null(await CommandLine.TryRunAsync(args, NoServices, TextWriter.Null, TextWriter.Null));

    private static async Task<(int? Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.TryRunAsync(args, NoServices, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
