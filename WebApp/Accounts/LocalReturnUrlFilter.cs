using Microsoft.AspNetCore.Mvc.Filters;
using WebApp.Site;

namespace WebApp.Accounts;

/// <summary>
/// Identity UI pages end with <c>LocalRedirect(returnUrl)</c>, which throws (a 500) on an address of another site or one
/// with characters a header cannot carry. This filter passes every handler of the Identity area the address as
/// <see cref="ReturnUrls.MakeSafe"/> makes it (or null, so the page falls back to the home page).
/// </summary>
internal sealed class LocalReturnUrlFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var name in context.HandlerArguments.Keys.ToList())
        {
            if (string.Equals(name, "returnUrl", StringComparison.OrdinalIgnoreCase) && context.HandlerArguments[name] is string returnUrl)
                context.HandlerArguments[name] = ReturnUrls.MakeSafe(returnUrl);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
