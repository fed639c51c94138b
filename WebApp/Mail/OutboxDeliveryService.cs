using Microsoft.Extensions.Options;

namespace WebApp.Mail;

/// <summary>Runs the outbox dispatcher every PollInterval; messages left from a previous run go out on the first round.</summary>
internal sealed class OutboxDeliveryService(
    OutboxDispatcher dispatcher, IOptionsMonitor<OutboxOptions> options, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.BackgroundDelivery)
        {
            logger.LogInformation("Outbox background delivery is off ({Section}:BackgroundDelivery)", OutboxOptions.Section);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waiting first lets the app finish starting (and migrating) before the first round.
                await Task.Delay(options.CurrentValue.PollInterval, stoppingToken);
                await dispatcher.DeliverDueMessagesAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // One bad round (database busy, mail server down) must not stop delivery for good.
                logger.LogError(exception, "Outbox delivery round failed");
            }
        }
    }
}
