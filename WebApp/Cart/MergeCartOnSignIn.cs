using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebApp.Accounts;

namespace WebApp.Cart;

/// <summary>
/// The one place where a visitor's anonymous cart joins their account: every sign-in to the Identity application cookie
/// (login, registration, two-factor, external login) ends in its SignedIn event.
/// </summary>
internal sealed class MergeCartOnSignIn : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme) return;
        var previous = options.Events.OnSignedIn;
        options.Events.OnSignedIn = async context =>
        {
            await previous(context);
            if (context.Principal is null || CartCookie.Read(context.HttpContext) is null) return;
            var services = context.HttpContext.RequestServices;
            var customerId = services.GetRequiredService<UserManager<ApplicationUser>>().GetUserId(context.Principal);
            if (customerId is null) return;
            await services.GetRequiredService<CartService>()
                .MergeAnonymousCartAsync(context.HttpContext, customerId, context.HttpContext.RequestAborted);
        };
    }
}
