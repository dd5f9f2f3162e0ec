using CustomerRegister;
using CustomerRegister.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddRegister();
var app = builder.Build();
app.UseRegister();

if (await CommandLine.TryRunAsync(args, app.Services, Console.Out) is { } exitCode)
{
    return exitCode;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
