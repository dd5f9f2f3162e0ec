using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace CustomerRegister.Cli;

/// <summary>
/// Command-line verbs on the same binary: <c>dotnet run --project src/CustomerRegister -- VERB</c>, one file per verb
/// group (<see cref="SetupVerbs"/>, <see cref="AuditVerbs"/>, <see cref="RequestsVerbs"/>, <see cref="RetentionVerbs"/>,
/// <see cref="RecordingsVerbs"/>). Every verb answers <c>--help</c>; a wrong option or a missing argument answers with
/// the problem and the verb's usage on the error writer and exit code 2.
/// </summary>
public static class CommandLine
{
    public const int UsageExitCode = 2;

    private static readonly string[] HelpAliases = ["--help", "-h", "-?"];

    /// <summary>Runs the verb <paramref name="args"/> names; null when they name none (empty, or options only), so the web application runs.</summary>
    public static async Task<int?> TryRunAsync(
        string[] args, IServiceProvider services, TextWriter output, TextWriter? error = null, CancellationToken ct = default)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && !HelpAliases.Contains(args[0])))
        {
            return null;
        }

        error ??= output;
        var parsed = Root(services).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            return await UsageAsync(parsed.CommandResult.Command, parsed.Errors.Select(e => e.Message), error);
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, ct);
    }

    /// <summary>The problems, then the usage of <paramref name="command"/>; exit code 2.</summary>
    internal static async Task<int> UsageAsync(Command command, IEnumerable<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem);
        }

        await error.WriteLineAsync();
        WriteHelp(command, error);
        return UsageExitCode;
    }

    private static RootCommand Root(IServiceProvider services)
    {
        var root = new RootCommand("Customer Register command-line verbs");
        foreach (var verb in SetupVerbs.Create(services).Concat([AuditVerbs.Create(services)]).Concat(RequestsVerbs.Create(services))
                     .Concat(RetentionVerbs.Create(services)).Concat(RecordingsVerbs.Create(services)))
        {
            root.Subcommands.Add(verb);
        }

        var help = new Command("help", "this text");
        help.SetAction(parsed => WriteOverview(root, parsed.InvocationConfiguration.Output));
        root.Subcommands.Add(help);
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Action = new HelpText();
        }

        return root;
    }

    /// <summary>The built-in help of a verb; for the root, one line per verb with its options (the overview an operator needs).</summary>
    private static void WriteHelp(Command command, TextWriter to)
    {
        if (command is RootCommand)
        {
            WriteOverview(command, to);
            return;
        }

        var path = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c.Name);
        }

        var root = command;
        while (root.Parents.OfType<Command>().FirstOrDefault() is { } parent)
        {
            root = parent;
        }

        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = to, Error = to });
    }

    private static void WriteOverview(Command root, TextWriter output)
    {
        output.WriteLine("Customer Register command-line verbs (dotnet run --project src/CustomerRegister -- VERB):");
        foreach (var (path, verb) in Leaves(root, ""))
        {
            var synopsis = string.Join(' ', new[] { path }.Concat(verb.Arguments.Select(a => $"<{a.Name}>")).Concat(verb.Options.Select(Synopsis)));
            output.WriteLine(synopsis.Length < 40 ? $"  {synopsis,-40}{verb.Description}" : $"  {synopsis}\n  {"",-40}{verb.Description}");
        }

        output.WriteLine("VERB --help describes a verb and its options. Without a verb the web application runs.");
    }

    private static IEnumerable<(string Path, Command Verb)> Leaves(Command command, string path) =>
        command.Subcommands.SelectMany(c => c.Subcommands.Count == 0 ? [($"{path}{c.Name}", c)] : Leaves(c, $"{path}{c.Name} "));

    private static string Synopsis(Option option)
    {
        var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} {option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()}";
        return option.Required ? text : $"[{text}]";
    }

    /// <summary>The overview for the root, the built-in help for a verb.</summary>
    private sealed class HelpText : SynchronousCommandLineAction
    {
        private readonly HelpAction _verbHelp = new();

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command is RootCommand root)
            {
                WriteOverview(root, parseResult.InvocationConfiguration.Output);
                return 0;
            }

            return _verbHelp.Invoke(parseResult);
        }
    }
}
