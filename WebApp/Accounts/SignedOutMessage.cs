using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using WebApp.Site;

namespace WebApp.Accounts;

/// <summary>
/// "You have logged out." on the page the visitor lands on after signing out, whichever page signed them out: every
/// sign-out of the Identity application cookie passes its SigningOut event.
/// </summary>
internal sealed class SignedOutMessage : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public const string Message = "You have logged out.";

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme) return;
        var previous = options.Events.OnSigningOut;
        options.Events.OnSigningOut = async context =>
        {
            await previous(context);
            var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
            Flash.Success(tempData, Message);
            tempData.Save();
        };
    }
}
