namespace WebApp.Admin;

/// <summary>
/// The changelist's query string without the page, its seek anchor, the exact-count request and the error marker (as Django keeps it), and links that change one part of it.
/// </summary>
internal sealed class ChangeListParameters
{
    public const string Search = "q";
    public const string Order = "o";
    public const string Page = "p";
    public const string ShowAll = "all";
    public const string Error = "e";

    /// <summary>Count the rows exactly however many there are (Django's show_full_result_count, asked for per request).</summary>
    public const string FullCount = "_full_count";

    /// <summary>"{page}.{key}": the row with that key ends that page, so the next pages seek past it (keyset paging).</summary>
    public const string Seek = "_seek";

    private readonly List<KeyValuePair<string, string>> _items;

    public ChangeListParameters(string baseUrl, IEnumerable<KeyValuePair<string, string>> items)
    {
        BaseUrl = baseUrl;
        _items = items.Where(i => i.Key is not (Page or Error or FullCount or Seek)).ToList();
    }

    public string BaseUrl { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public string? Get(string name)
    {
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            if (_items[i].Key == name) return _items[i].Value;
        }
        return null;
    }

    public bool Has(string name) => Get(name) is not null;

    /// <summary>The query string to preserve through add/change/delete (no leading "?").</summary>
    public string QueryString => AdminUrls.Query(_items);

    /// <summary>A changelist URL with parameters set (value) or removed (null); the page is reset unless given.</summary>
    public string Url(params (string Name, string? Value)[] changes) => Url(changes, remove: []);

    public string Url(IReadOnlyCollection<(string Name, string? Value)> changes, IReadOnlyCollection<string> remove)
    {
        // A changelist writes dozens of these per page (sort headers, filter choices, pages): no sets or LINQ per link.
        var items = new List<KeyValuePair<string, string>>(_items.Count + changes.Count);
        foreach (var item in _items)
        {
            if (!remove.Contains(item.Key) && !Changes(item.Key)) items.Add(item);
        }
        foreach (var (name, value) in changes)
        {
            if (value is not null) items.Add(new(name, value));
        }
        var query = AdminUrls.Query(items);
        return query.Length == 0 ? BaseUrl : BaseUrl + "?" + query;

        bool Changes(string name)
        {
            foreach (var change in changes)
            {
                if (change.Name == name) return true;
            }
            return false;
        }
    }
}
