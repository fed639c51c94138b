using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts;

/// <summary>
/// The app with status-code pages off for page results, so that a test sees the status the framework chose (400 for
/// a missing antiforgery token) rather than whatever the site's error page does with it.
/// </summary>
public sealed class PlainStatusCodeFactory : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(new StatusCodePagesOff())));
    }

    // Result filters that always run see even the result of a failed antiforgery check.
    private sealed class StatusCodePagesOff : IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                statusCodePages.Enabled = false;
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
