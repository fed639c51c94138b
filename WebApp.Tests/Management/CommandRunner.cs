using WebApp.Management;

namespace WebApp.Tests.Management;

public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";
}

/// <summary>Runs a management command in-process against a test host's services, capturing what it prints.</summary>
public static class CommandRunner
{
    /// <param name="input">Standard input (a pipe) — or, when <paramref name="secrets"/> is given, a terminal.</param>
    /// <param name="secrets">Answers typed at the no-echo prompts, in order.</param>
    public static async Task<CommandResult> RunAsync(
        IServiceProvider services, string[] args, string input = "", IEnumerable<string>? secrets = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var answers = secrets is null ? null : new Queue<string>(secrets);
        var console = new CommandConsole(new StringReader(input), output, error,
            isInputRedirected: answers is null,
            readSecret: answers is null ? null : () => answers.TryDequeue(out var answer) ? answer : null);

        var command = ManagementCommands.Parse(args, console)
            ?? throw new InvalidOperationException($"'{string.Join(' ', args)}' starts the server, not a command.");
        var exitCode = await command.RunAsync(services);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }
}
