using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Mail;

namespace WebApp.Operations;

/// <summary>
/// The shop's own measurements, exported beside the framework's at /metrics (<see cref="MetricsSetup"/>): orders placed,
/// checkouts refused for stock, sign-in failures and lockouts (counters), and the outbox backlog (read on each scrape).
/// </summary>
public sealed class ShopMetrics
{
    public const string MeterName = "WebApp.Shop";

    private readonly Counter<long> _ordersPlaced;
    private readonly Counter<long> _checkoutsRefusedForStock;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _lockouts;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ShopMetrics> _logger;

    public ShopMetrics(IMeterFactory meters, IServiceScopeFactory scopes, ILogger<ShopMetrics> logger)
    {
        _scopes = scopes;
        _logger = logger;
        var meter = meters.Create(MeterName);
        _ordersPlaced = meter.CreateCounter<long>("webapp.orders.placed", description: "Orders placed at checkout");
        _checkoutsRefusedForStock = meter.CreateCounter<long>("webapp.checkouts.refused_for_stock",
            description: "Checkouts refused because a product had too little stock");
        _signInFailures = meter.CreateCounter<long>("webapp.sign_in.failures",
            description: "Refused sign-ins: wrong password, unknown email, inactive or unconfirmed account, wrong code");
        _lockouts = meter.CreateCounter<long>("webapp.sign_in.lockouts", description: "Sign-ins refused because the account is locked out");
        meter.CreateObservableGauge("webapp.outbox.backlog", CountBacklog, description: "Emails in the outbox not sent yet");
    }

    public void OrderPlaced() => _ordersPlaced.Add(1);

    public void CheckoutRefusedForStock() => _checkoutsRefusedForStock.Add(1);

    public void SignInFailed() => _signInFailures.Add(1);

    public void LockedOut() => _lockouts.Add(1);

    /// <summary>One COUNT per scrape (an indexed column); while the database is unreachable the gauge is left out.</summary>
    private IEnumerable<Measurement<long>> CountBacklog()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            return [new Measurement<long>(db.Set<OutboxMessage>().LongCount(m => m.SentAt == null))];
        }
        catch (DbException exception)
        {
            _logger.LogWarning(exception, "The outbox backlog could not be counted for /metrics");
            return [];
        }
    }
}
