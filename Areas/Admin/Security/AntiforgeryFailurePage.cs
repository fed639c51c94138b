using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace WebApp.Admin;

/// <summary>A POST whose antiforgery token fails gets a 400 admin page that says what to do, instead of an empty response.</summary>
internal sealed class AntiforgeryFailurePage : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = AdminResults.View(context.HttpContext, "BadRequest", StatusCodes.Status400BadRequest,
                "The form could not be verified, so nothing was changed. It may have been open too long: go back, reload the page and try again.");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
