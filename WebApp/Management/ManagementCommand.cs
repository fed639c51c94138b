using System.Data.Common;
using WebApp.Data;

namespace WebApp.Management;

/// <summary>
/// What every command shares: its own service scope, Ctrl+C as cancellation, and user-facing failures printed
/// as one line with exit code 1 instead of a stack trace.
/// </summary>
internal abstract class ManagementCommand(CommandConsole console) : IManagementCommand
{
    protected CommandConsole Console { get; } = console;

    public async Task<int> RunAsync(IServiceProvider services)
    {
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKeyPress = (_, e) =>
        {
            // The first Ctrl+C stops the command cleanly (transactions roll back); a second one ends the process.
            if (interrupt.IsCancellationRequested) return;
            e.Cancel = true;
            interrupt.Cancel();
        };
        System.Console.CancelKeyPress += onCancelKeyPress;
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await ExecuteAsync(scope.ServiceProvider, interrupt.Token);
        }
        catch (DbException e)
        {
            Console.Error.WriteLine($"Error: the database refused: {e.Message}");
            Console.Error.WriteLine("If tables are missing, run the migrate command first.");
            return ManagementCommands.Failure;
        }
        catch (CommandFailedException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return ManagementCommands.Failure;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, during a prompt or a long step; the unfinished transaction has rolled back.
            Console.Error.WriteLine("Interrupted.");
            return ManagementCommands.Interrupted;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancelKeyPress;
        }
    }

    protected abstract Task<int> ExecuteAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>The database context; a configuration that cannot make one is the user's to fix, not a crash.</summary>
    protected static AppDbContext Database(IServiceProvider services) =>
        ConfiguredDatabase.TryGet(services, out var problem) ?? throw new CommandFailedException(problem + " Run the check command for details.");
}
