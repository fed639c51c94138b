using Microsoft.Extensions.Options;

namespace WebApp.Mail;

/// <summary>Configuration section <c>Mail:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Mail:Outbox";

    /// <summary>Whether this process runs the delivery loop (tests turn it off and deliver by hand).</summary>
    public bool BackgroundDelivery { get; set; } = true;

    /// <summary>How often the loop looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a message is given up (it stays in the table with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message stays reserved for its dispatcher; longer than one delivery may take.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 20;
}

/// <summary>Refuses to start with settings that would never deliver or would hammer the mail server.</summary>
internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero) failures.Add($"{OutboxOptions.Section}:PollInterval must be positive.");
        if (options.MaxAttempts < 1) failures.Add($"{OutboxOptions.Section}:MaxAttempts must be at least 1.");
        if (options.BaseDelay < TimeSpan.Zero) failures.Add($"{OutboxOptions.Section}:BaseDelay cannot be negative.");
        if (options.MaxDelay < options.BaseDelay) failures.Add($"{OutboxOptions.Section}:MaxDelay cannot be shorter than BaseDelay.");
        if (options.LeaseDuration <= TimeSpan.Zero) failures.Add($"{OutboxOptions.Section}:LeaseDuration must be positive.");
        if (options.BatchSize < 1) failures.Add($"{OutboxOptions.Section}:BatchSize must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
