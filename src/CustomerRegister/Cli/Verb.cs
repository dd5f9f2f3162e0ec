using System.CommandLine;
using CustomerRegister.Infrastructure;

namespace CustomerRegister.Cli;

/// <summary>One run of a verb: its parsed command line, the application's services and where to write.</summary>
internal sealed class VerbRun(ParseResult parsed, IServiceProvider services, CancellationToken ct)
{
    public IServiceProvider Services => services;

    public IServiceScopeFactory Scopes => services.GetRequiredService<IServiceScopeFactory>();

    public TextWriter Output => parsed.InvocationConfiguration.Output;

    public CancellationToken Ct => ct;

    public T? Value<T>(Option<T> option) => parsed.GetValue(option);

    public T Value<T>(Argument<T> argument) => parsed.GetRequiredValue(argument);

    /// <summary>A value the parser could not judge is wrong: the problem and the verb's usage, exit code 2.</summary>
    public Task<int> UsageAsync(string problem) =>
        CommandLine.UsageAsync(parsed.CommandResult.Command, [problem], parsed.InvocationConfiguration.Error);
}

internal static class Verb
{
    /// <summary>The verb's handler, run only when every setting is workable (else the refusal naming it, exit code 78).</summary>
    public static Command Runs(this Command command, IServiceProvider services, Func<VerbRun, Task<int>> handler)
    {
        command.SetAction(async (parsed, ct) =>
        {
            if (Settings.Refusal(services) is { } refusal)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync(refusal);
                return Settings.ExitCode;
            }

            return await handler(new VerbRun(parsed, services, ct));
        });
        return command;
    }

    /// <summary>An option whose value must be one of <paramref name="values"/>, shown as <c>a|b|c</c>.</summary>
    public static Option<string> OneOf(string name, IReadOnlyList<string> values, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.AcceptOnlyFromAmong([.. values]);
        return option;
    }
}
