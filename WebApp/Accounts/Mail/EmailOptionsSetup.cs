using Microsoft.Extensions.Options;

namespace WebApp.Accounts.Mail;

/// <summary>
/// Chooses the pickup folder where mail goes to files (always an absolute path afterwards): Development and Testing
/// use one unless an SMTP host is configured.
/// </summary>
internal sealed class EmailOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<EmailOptions>
{
    public void PostConfigure(string? name, EmailOptions options)
    {
        if (!options.UsesPickupDirectory && string.IsNullOrWhiteSpace(options.Smtp.Host)
            && (environment.IsDevelopment() || environment.IsEnvironment("Testing")))
            options.PickupDirectory = EmailOptions.DefaultPickupDirectory;
        if (options.UsesPickupDirectory)
            options.PickupDirectory = Path.GetFullPath(options.PickupDirectory!, environment.ContentRootPath);
    }
}

/// <summary>Fails start-up with the settings' problems, instead of failing at the first message.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = options.FindProblems().Select(p => p.ToString()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
