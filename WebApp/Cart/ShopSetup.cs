using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebApp.Catalog.Reviews;
using WebApp.Mail;
using WebApp.Orders;

namespace WebApp.Cart;

public static class ShopSetup
{
    /// <summary>The shop: cart, checkout, orders and their workflow, reviews, and the mail outbox.</summary>
    public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CartService>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, MergeCartOnSignIn>();
        services.AddSingleton<StaleCartCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<StaleCartCleanup>());
        services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.SectionName)
            .Validate(options => !options.Problems().Any(), "The Checkout settings are incomplete: shipping methods, payment methods and countries are each needed.")
            .ValidateOnStart();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderWorkflow>();
        services.AddScoped<CustomerOrders>();
        services.AddScoped<ReviewSubmission>();
        services.AddMailOutbox();

        return builder;
    }
}
