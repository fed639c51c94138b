using Microsoft.AspNetCore.Mvc;

namespace WebApp.Admin;

/// <summary>
/// What a workflow (actions, delete) comes to, with the messages to show next: the controller only turns it into a
/// response, so the decisions stay in one readable place.
/// </summary>
internal abstract record AdminOutcome
{
    public IReadOnlyList<AdminMessage> Messages { get; init; } = [];

    /// <summary>Go to <paramref name="Url"/> (after a change, or with a message saying why not).</summary>
    public sealed record Redirect(string Url) : AdminOutcome;

    /// <summary>Show a page of the ModelAdmin views (<c>ChangeList</c>, <c>Delete</c>), with an error above a list when given.</summary>
    public sealed record Page(string View, object Model, string? ListErrors = null) : AdminOutcome;

    /// <summary>The model permission is missing: 403.</summary>
    public sealed record Forbidden : AdminOutcome;

    /// <summary>A registration's object rule refused: logged, then 403 with its reason.</summary>
    public sealed record Refused(string Target, AdminRefusal Refusal) : AdminOutcome;

    /// <summary>A query parameter that is not a declared filter: logged, then 400.</summary>
    public sealed record DisallowedLookup(string Parameter) : AdminOutcome;

    /// <summary>A custom action's own response (a file, a page).</summary>
    public sealed record Response(IActionResult Result) : AdminOutcome;

    public static AdminOutcome RedirectWith(string url, string level, string text) => new Redirect(url) { Messages = [new AdminMessage(level, text)] };
}
