using System.ComponentModel;

namespace WebApp.Api.Models;

/// <summary>One page of a list, with absolute links to its neighbours.</summary>
internal sealed class PageResponse<T>
{
    public required IReadOnlyList<T> Items { get; init; }

    [Description("1-based page number.")]
    public required int Page { get; init; }

    public required int PageSize { get; init; }

    [Description("Items on every page together.")]
    public required int Total { get; init; }

    [Description("Absolute URL of the next page; null on the last page.")]
    public required string? Next { get; init; }

    [Description("Absolute URL of the previous page; null on the first page.")]
    public required string? Previous { get; init; }
}

internal sealed class HelloResponse
{
    public required string Message { get; init; }
}

/// <summary>A whole (short) list.</summary>
internal sealed class ListResponse<T>
{
    public required IReadOnlyList<T> Items { get; init; }
}
