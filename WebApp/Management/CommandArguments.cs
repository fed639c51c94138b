using System.Globalization;

namespace WebApp.Management;

/// <summary>
/// A command's options (<c>--name value</c>, <c>--name=value</c>, <c>--flag</c>): each is taken once by the command
/// that knows it, and anything left over is a usage error.
/// </summary>
internal sealed class CommandArguments(IEnumerable<string> args)
{
    private readonly List<string> _remaining = [.. args];

    public string? Option(string name)
    {
        var option = "--" + name;
        var index = _remaining.FindIndex(a => a == option || a.StartsWith(option + "=", StringComparison.Ordinal));
        if (index < 0) return null;

        string value;
        if (_remaining[index] != option)
        {
            value = _remaining[index][(option.Length + 1)..];
            _remaining.RemoveAt(index);
        }
        else
        {
            if (index + 1 >= _remaining.Count || _remaining[index + 1].StartsWith("--", StringComparison.Ordinal))
                throw new CommandUsageException($"{option} needs a value.");
            value = _remaining[index + 1];
            _remaining.RemoveRange(index, 2);
        }
        if (_remaining.Exists(a => a == option || a.StartsWith(option + "=", StringComparison.Ordinal)))
            throw new CommandUsageException($"{option} is given more than once.");
        return value;
    }

    public string RequiredOption(string name) =>
        Option(name) ?? throw new CommandUsageException($"--{name} is required.");

    public int RequiredInt(string name, int minimum, int maximum)
    {
        var text = RequiredOption(name);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < minimum || value > maximum)
        {
            throw new CommandUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--{name} must be a whole number from {minimum:N0} to {maximum:N0}, not '{text}'."));
        }
        return value;
    }

    public bool Flag(string name)
    {
        var found = _remaining.RemoveAll(a => a == "--" + name);
        if (_remaining.Exists(a => a.StartsWith($"--{name}=", StringComparison.Ordinal)))
            throw new CommandUsageException($"--{name} takes no value.");
        return found > 0;
    }

    public void EnsureAllUsed()
    {
        if (_remaining.Count > 0)
            throw new CommandUsageException($"Unexpected argument '{_remaining[0]}'.");
    }
}

/// <summary>The command line is wrong: the usage is printed and the exit code is 2.</summary>
internal sealed class CommandUsageException(string message) : Exception(message);

/// <summary>The command could not do its work for a reason the user can fix: the message is printed, exit code 1.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
