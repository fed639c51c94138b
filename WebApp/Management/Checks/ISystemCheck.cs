namespace WebApp.Management.Checks;

/// <summary>
/// A start-up check in the manner of Django's checks framework: it inspects configuration and code, never data, and
/// reports problems with stable ids. Features register theirs with <see cref="SystemChecks.AddSystemCheck{TCheck}"/>;
/// the <c>check</c> command runs them all.
/// </summary>
internal interface ISystemCheck
{
    Task<IReadOnlyList<SystemCheckMessage>> RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal enum SystemCheckLevel
{
    Warning,
    Error,
}

/// <summary>One problem: <paramref name="Id"/> is stable (for example <c>email.E002</c>) so it can be looked up and silenced.</summary>
internal sealed record SystemCheckMessage(string Id, SystemCheckLevel Level, string Message, string? Hint = null)
{
    public static SystemCheckMessage Error(string id, string message, string? hint = null) =>
        new(id, SystemCheckLevel.Error, message, hint);

    public static SystemCheckMessage Warning(string id, string message, string? hint = null) =>
        new(id, SystemCheckLevel.Warning, message, hint);

    public override string ToString() => Hint is null ? $"{Id}: {Message}" : $"{Id}: {Message} HINT: {Hint}";
}
