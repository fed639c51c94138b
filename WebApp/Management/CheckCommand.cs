using WebApp.Management.Checks;

namespace WebApp.Management;

/// <summary><c>check</c>: runs every <see cref="ISystemCheck"/>; exit code 1 when any reports an error.</summary>
internal sealed class CheckCommand(CommandConsole console) : ManagementCommand(console)
{
    public static IManagementCommand Create(CommandArguments arguments, CommandConsole console) => new CheckCommand(console);

    protected override async Task<int> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var messages = await SystemChecks.RunAllAsync(services, cancellationToken);
        if (messages.Count == 0)
        {
            Console.Out.WriteLine("System check identified no issues.");
            return ManagementCommands.Success;
        }

        foreach (var message in messages.OrderByDescending(m => m.Level))
            Console.Error.WriteLine(message.Level == SystemCheckLevel.Error ? $"{message}" : $"{message} (warning)");
        Console.Error.WriteLine(messages.Count == 1
            ? "System check identified 1 issue."
            : $"System check identified {messages.Count} issues.");
        return messages.Any(m => m.Level == SystemCheckLevel.Error) ? ManagementCommands.Failure : ManagementCommands.Success;
    }
}
