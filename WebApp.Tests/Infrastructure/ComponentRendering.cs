using System.Linq.Expressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// Renders a Razor component to HTML with the framework's HtmlRenderer and parses it with AngleSharp.
/// Shaped like bUnit (<c>RenderComponent&lt;T&gt;(p => p.Add(c => c.X, value))</c>, <c>Find</c>, <c>FindAll</c>, <c>Markup</c>) so tests port to it.
/// </summary>
public static class ComponentRendering
{
    private static readonly HtmlParser Parser = new();

    public static async Task<RenderedComponent> RenderComponent<TComponent>(Action<ComponentParameters<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        var builder = new ComponentParameters<TComponent>();
        parameters?.Invoke(builder);
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var markup = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(builder.Values))).ToHtmlString());
        // Table cells only parse inside a table row, as a browser would place them.
        var isCell = markup.TrimStart().StartsWith("<th", StringComparison.Ordinal) || markup.TrimStart().StartsWith("<td", StringComparison.Ordinal);
        var body = isCell ? "<table><tr>" + markup + "</tr></table>" : markup;
        return new RenderedComponent(markup, Parser.ParseDocument("<!DOCTYPE html><html><body>" + body + "</body></html>").Body!);
    }
}

public sealed class ComponentParameters<TComponent>
{
    internal Dictionary<string, object?> Values { get; } = new();

    public ComponentParameters<TComponent> Add<TValue>(Expression<Func<TComponent, TValue>> parameter, TValue value)
    {
        var member = (MemberExpression)parameter.Body;
        Values[member.Member.Name] = value;
        return this;
    }
}

public sealed class RenderedComponent(string markup, IElement root)
{
    public string Markup { get; } = markup;

    public IElement Find(string selector) =>
        root.QuerySelector(selector) ?? throw new InvalidOperationException($"No element matches '{selector}' in: {Markup}");

    public IReadOnlyList<IElement> FindAll(string selector) => root.QuerySelectorAll(selector).ToList();

    public string Text => root.TextContent;
}
