using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Cart;

/// <summary>
/// Deletes anonymous carts nobody has touched for longer than their cookie lives: nobody can reach them any more.
/// Customers' carts stay.
/// </summary>
public sealed class StaleCartCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<StaleCartCleanup> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>Deletes the stale anonymous carts (and their lines); returns how many.</summary>
    public async Task<int> DeleteStaleAnonymousCartsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - CartCookie.Lifetime;
        var staleCarts = db.Set<ShoppingCart>().Where(c => c.OwnerId == null && c.UpdatedAt < cutoff);
        await db.Set<CartItem>().Where(i => staleCarts.Any(c => c.Id == i.CartId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await staleCarts.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} anonymous carts untouched since {Cutoff:u}", deleted, cutoff);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waiting first lets the app finish starting (and migrating).
                await Task.Delay(Interval, stoppingToken);
                await DeleteStaleAnonymousCartsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Deleting stale anonymous carts failed; trying again in {Interval}", Interval);
            }
        }
    }
}
