namespace WebApp.Management;

/// <summary>Django's manage.py: commands run through the app's own entry point instead of the server.</summary>
public static class ManagementCommands
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    internal static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("migrate", "", "Apply the database migrations that are not applied yet.", MigrateCommand.Create),
        new("createsuperuser", "--email EMAIL [--password-stdin]",
            "Create a user with every permission. Asks for the password twice, or reads one line from standard input.",
            CreateSuperuserCommand.Create),
        new("seed", "--products N",
            "Replace the catalog with N generated products and their reviews (for load tests; keeps users and orders).",
            SeedCommand.Create),
        new("check", "", "Check the configuration and the data model for problems.", CheckCommand.Create),
        new("help", "", "Show this help.", (_, console) => new HelpCommand(console)),
    ];

    /// <summary>
    /// The command named by the first argument, or null to start the web server (no arguments, or only host options
    /// such as <c>--urls</c>). Unknown commands and bad arguments give a command that prints the usage and exits 2.
    /// </summary>
    public static IManagementCommand? Parse(string[] args, CommandConsole? console = null)
    {
        console ??= CommandConsole.System;
        if (args.Length == 0) return null;
        if (args[0] is "-h" or "--help") return new HelpCommand(console);
        if (args[0].StartsWith('-')) return null;

        var definition = All.FirstOrDefault(c => c.Name == args[0]);
        if (definition is null)
            return new UsageErrorCommand(console, $"Unknown command '{args[0]}'.");
        try
        {
            var arguments = new CommandArguments(args[1..]);
            var command = definition.Create(arguments, console);
            arguments.EnsureAllUsed();
            return command;
        }
        catch (CommandUsageException e)
        {
            return new UsageErrorCommand(console, e.Message, definition);
        }
    }

    internal static string Usage()
    {
        var lines = new List<string>
        {
            "Usage: dotnet run --project WebApp -- <command> [options]",
            "   or: dotnet WebApp.dll <command> [options]",
            "Without a command the web server starts.",
            "",
            "Commands:",
        };
        foreach (var command in All)
        {
            lines.Add($"  {command.Synopsis}");
            lines.Add($"      {command.Summary}");
        }
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>A command ready to run against the app's services; returns the process exit code.</summary>
public interface IManagementCommand
{
    Task<int> RunAsync(IServiceProvider services);
}

internal sealed record CommandDefinition(
    string Name, string Arguments, string Summary, Func<CommandArguments, CommandConsole, IManagementCommand> Create)
{
    public string Synopsis => Arguments.Length == 0 ? Name : $"{Name} {Arguments}";
}

internal sealed class HelpCommand(CommandConsole console) : IManagementCommand
{
    public Task<int> RunAsync(IServiceProvider services)
    {
        console.Out.WriteLine(ManagementCommands.Usage());
        return Task.FromResult(ManagementCommands.Success);
    }
}

internal sealed class UsageErrorCommand(CommandConsole console, string problem, CommandDefinition? command = null) : IManagementCommand
{
    public Task<int> RunAsync(IServiceProvider services)
    {
        console.Error.WriteLine($"Error: {problem}");
        console.Error.WriteLine();
        console.Error.WriteLine(command is null
            ? ManagementCommands.Usage()
            : $"Usage: {command.Synopsis}{Environment.NewLine}  {command.Summary}");
        return Task.FromResult(ManagementCommands.UsageError);
    }
}
