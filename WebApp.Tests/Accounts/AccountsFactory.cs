using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Mail;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Accounts;

/// <summary>
/// The app for the account pages' tests: mail recorded and delivered by the test (<see cref="ShopFactory"/>), and each
/// client may claim its own client address (the in-memory server has none), for the per-address throttles.
/// </summary>
public sealed class AccountsFactory : ShopFactory
{
    private const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A browser-like client (cookies, no redirects followed) whose requests come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>Delivers the outbox, then the mails sent to <paramref name="email"/>.</summary>
    public async Task<IReadOnlyList<EmailMessage>> MailToAsync(string email)
    {
        await DeliverMailAsync();
        return Mail.SentTo(email);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
