using Microsoft.Extensions.Options;
using WebApp.Management.Checks;

namespace WebApp.Accounts.Mail;

/// <summary>The <c>check</c> command's view of the rules that also stop start-up (email.E001 to E006).</summary>
internal sealed class EmailSettingsCheck : ISystemCheck
{
    public Task<IReadOnlyList<SystemCheckMessage>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The settings as configured but not yet validated: the validator would fold every problem into one exception.
        var unvalidated = new OptionsFactory<EmailOptions>(
            services.GetServices<IConfigureOptions<EmailOptions>>(),
            services.GetServices<IPostConfigureOptions<EmailOptions>>());
        IReadOnlyList<SystemCheckMessage> problems;
        try
        {
            problems = [.. unvalidated.Create(Options.DefaultName).FindProblems()];
        }
        catch (InvalidOperationException e)
        {
            problems = [SystemCheckMessage.Error("email.E005", $"The Email settings cannot be read: {e.Message}")];
        }
        return Task.FromResult(problems);
    }
}
