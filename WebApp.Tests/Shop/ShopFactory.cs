using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>
/// The app for shop tests: mail goes to a <see cref="RecordingEmailSender"/>, the outbox is delivered by the test
/// (unless <see cref="BackgroundDelivery"/>), and optionally the clock is a <see cref="ManualClock"/> and the
/// database another factory's file.
/// </summary>
public class ShopFactory : WebAppFactory
{
    public RecordingEmailSender Mail { get; } = new();

    /// <summary>Run the outbox's own delivery loop (otherwise tests call <see cref="DeliverMailAsync"/>).</summary>
    public bool BackgroundDelivery { get; init; }

    public ManualClock? Clock { get; init; }

    /// <summary>Configuration on top of the shop tests' own (for tests of the settings themselves).</summary>
    public IReadOnlyDictionary<string, string?> MoreSettings { get; init; } = new Dictionary<string, string?>();

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Mail:Outbox:BackgroundDelivery"] = BackgroundDelivery ? "true" : "false",
                ["Mail:Outbox:PollInterval"] = "00:00:00.100",
                ["Mail:Outbox:BaseDelay"] = "00:01:00",
                ["Mail:Outbox:MaxDelay"] = "00:30:00",
                ["Mail:Outbox:MaxAttempts"] = "4",
            };
            foreach (var (key, value) in MoreSettings) settings[key] = value;
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEmailSender>(Mail);
            if (Clock is not null) services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client over HTTPS (the cart cookie is Secure) that keeps cookies and shows redirects.</summary>
    public HttpClient CreateShopClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private readonly Lazy<Task<string>> _formPage;

    public ShopFactory() => _formPage = new(async () =>
        $"/cart/add?productId={(await this.CreateProductAsync(name: "Form page product", stock: 1)).Id}");

    /// <summary>A shop page with a form on it, for an antiforgery token.</summary>
    public Task<string> FormPageAsync() => _formPage.Value;

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public Task<int> DeliverMailAsync()
    {
        EnsureMigrated();
        return Dispatcher.DeliverDueMessagesAsync();
    }
}

/// <summary>Records every email instead of sending it; can be told to fail for one recipient a number of times.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<EmailMessage> Sent => _sent.ToArray();

    public IReadOnlyList<EmailMessage> SentTo(string email) =>
        _sent.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToArray();

    public void FailFor(string email, int times) => _failuresLeft[email] = times;

    /// <summary>Called as each email is sent (e.g. to stop the app mid-round).</summary>
    public Action<string>? OnSend { get; set; }

    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        OnSend?.Invoke(email);
        if (_failuresLeft.TryGetValue(email, out var left) && left > 0)
        {
            _failuresLeft[email] = left - 1;
            throw new InvalidOperationException($"Mail server refused {email} (test)");
        }
        _sent.Enqueue(new EmailMessage(email, subject, htmlMessage));
        return Task.CompletedTask;
    }
}

/// <summary>A clock the test moves by hand; it starts at the real time so that cookies and tokens stay valid.</summary>
public sealed class ManualClock : TimeProvider
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time with finer ticks would not read back equal.
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
