using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WebApp.Mail;

public static class MailSetup
{
    /// <summary>The transactional outbox: options from <c>Mail:Outbox</c>, the dispatcher and its background loop.</summary>
    public static IServiceCollection AddMailOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }
}
