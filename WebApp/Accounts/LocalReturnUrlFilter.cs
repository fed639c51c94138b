using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WebApp.Accounts;

/// <summary>
/// Identity UI pages end with <c>LocalRedirect(returnUrl)</c>, which throws (a 500) on an address of another site. This
/// filter drops such a return URL before any handler of the Identity area runs, so the page falls back to the home page.
/// </summary>
internal sealed class LocalReturnUrlFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var url = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory>()
            .GetUrlHelper(context);
        foreach (var name in context.HandlerArguments.Keys.ToList())
        {
            if (string.Equals(name, "returnUrl", StringComparison.OrdinalIgnoreCase)
                && context.HandlerArguments[name] is string returnUrl && !url.IsLocalUrl(returnUrl))
            {
                context.HandlerArguments[name] = null;
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
