using CustomerRegister;
using CustomerRegister.Cli;
using CustomerRegister.Infrastructure;

// A refused setting ends the process with one line naming it, not a stack trace. (A host that runs this entry point
// itself, as the tests' WebApplicationFactory does, catches the exception and sees it whole.)
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Exception ex && Settings.Message(ex) is { } refusal)
    {
        Console.Error.WriteLine(refusal);
        Environment.Exit(Settings.ExitCode);
    }
};

var builder = WebApplication.CreateBuilder(args);
builder.AddRegister();
var app = builder.Build();
app.UseRegister();

if (await CommandLine.TryRunAsync(args, app.Services, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// Before the host starts, which would log a refusal with its stack trace.
Settings.Validate(app.Services);
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
