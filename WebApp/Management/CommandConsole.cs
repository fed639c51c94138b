using System.Text;

namespace WebApp.Management;

/// <summary>The terminal a command talks to: the real console, or writers and readers a test supplies.</summary>
public sealed class CommandConsole(
    TextReader input, TextWriter output, TextWriter error, bool isInputRedirected, Func<string?>? readSecret = null)
{
    public static CommandConsole System { get; } =
        new(Console.In, Console.Out, Console.Error, Console.IsInputRedirected, ReadWithoutEcho);

    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True when standard input is a pipe or file, so nobody can answer a prompt.</summary>
    public bool IsInputRedirected { get; } = isInputRedirected;

    /// <summary>Shows <paramref name="prompt"/> and reads a line without echoing it; null at the end of input.</summary>
    public string? ReadSecret(string prompt)
    {
        Out.Write(prompt);
        Out.Flush();
        var secret = readSecret is null ? In.ReadLine() : readSecret();
        if (readSecret is not null) Out.WriteLine();
        return secret;
    }

    private static string? ReadWithoutEcho()
    {
        var secret = new StringBuilder();
        var treatControlCAsInput = Console.TreatControlCAsInput;
        // Ctrl+C arrives as a key here, so that it can cancel the prompt instead of being swallowed by ReadKey.
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
                    throw new OperationCanceledException("The prompt was interrupted.");
                if (key.Key == ConsoleKey.Enter)
                    return secret.ToString();
                if (key.Key == ConsoleKey.Backspace)
                {
                    if (secret.Length > 0) secret.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    secret.Append(key.KeyChar);
                }
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatControlCAsInput;
        }
    }
}
