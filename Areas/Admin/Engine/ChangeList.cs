using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Admin.Metadata;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Admin;

/// <summary>
/// One changelist request, in Django's order (its ChangeList, views/main.py): the parameters, the query they make
/// (filters, search, ordering), the count, the page, the rows. Big tables stay fast: counts past
/// <see cref="AdminOptions.ExactCountLimit"/> are estimated, and a page far from the start is read by seeking past the
/// previous page's last row, or backwards from the end, instead of skipping every row before it.
/// </summary>
internal sealed class ChangeList<T>(ModelAdmin<T> admin, AdminRequestContext context) where T : class
{
    private ResolvedModelAdmin<T> Resolved => admin.Resolved;

    // 1. Parameters ---------------------------------------------------------------------------------------------------

    /// <summary>The first query parameter that is neither standard nor a declared filter's (the lookup whitelist).</summary>
    public string? DisallowedParameter(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        parameters.Select(p => p.Key).FirstOrDefault(name => !AdminChecks.ReservedParameters.Contains(name) && !admin.FilterParameterNames.Contains(name));

    /// <summary>Each parameter's last value, as Django's QueryDict reads a repeated one.</summary>
    private static Dictionary<string, string> LastValues(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        parameters.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    /// <summary>The valid parts of <c>o</c> (e.g. "2.-0"): sortable column indexes, each once.</summary>
    private List<(int Column, bool Descending)> ParseOrder(string? order)
    {
        var result = new List<(int, bool)>();
        if (string.IsNullOrEmpty(order)) return result;
        foreach (var part in order.Split('.'))
        {
            var descending = part.StartsWith('-');
            if (!int.TryParse(descending ? part[1..] : part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            if (index < 0 || index >= Resolved.Columns.Count || Resolved.Columns[index].SortKey is null) continue;
            if (result.Any(r => r.Item1 == index)) continue;
            result.Add((index, descending));
        }
        return result;
    }

    // 2. Query --------------------------------------------------------------------------------------------------------

    /// <summary>The rows every page starts from: the registration's queryset, untracked unless objects will change.</summary>
    public IQueryable<T> BaseQuery(bool tracking = false)
    {
        IQueryable<T> set = context.Db.Set<T>();
        return admin.GetQueryset(tracking ? set : set.AsNoTracking());
    }

    /// <summary>Filters and search (shared by the page, the CSV export and "select all" actions); null query for an invalid filter value.</summary>
    public async Task<FilteredQuery<T>> FilterAsync(IQueryable<T> query, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        if (DisallowedParameter(parameters) is { } disallowed) return new FilteredQuery<T>(null, false, false, disallowed);
        var values = LastValues(parameters);
        var filtered = false;
        foreach (var filter in admin.ListFilter)
        {
            var mine = filter.ParameterNames.Where(values.ContainsKey).ToDictionary(n => n, n => values[n], StringComparer.Ordinal);
            if (mine.Count == 0) continue;
            if (filter.Apply(query, mine, context) is not { } narrowed) return new FilteredQuery<T>(null, false, false, null);
            query = narrowed;
            filtered = true;
        }
        DateHierarchy<T>.Selection? dateSelection = null;
        if (Resolved.DateHierarchy is { } hierarchy)
        {
            if (hierarchy.Parse(values) is not { } selection) return new FilteredQuery<T>(null, false, false, null);
            if (!selection.IsEmpty)
            {
                query = hierarchy.Apply(query, selection);
                filtered = true;
            }
            dateSelection = selection;
        }
        var search = new AdminSearchContext<T>(Resolved, context, values.GetValueOrDefault(ChangeListParameters.Search) ?? "");
        var searched = search.Terms.Count > 0 && Resolved.SearchFields.Count > 0;
        if (searched) query = await admin.GetSearchResultsAsync(search, query, cancellationToken);
        return new FilteredQuery<T>(query, filtered, searched, null) { DateSelection = dateSelection };
    }

    /// <summary>The sort keys: the valid columns of "o", else the registration's ordering (the key always ends it).</summary>
    private (IReadOnlyList<SortKey> Keys, List<(int Column, bool Descending)> Order) SortKeys(ChangeListParameters parameters)
    {
        var order = ParseOrder(parameters.Get(ChangeListParameters.Order));
        if (order.Count == 0) return (Resolved.Ordering, order);
        var keys = order.Select(o =>
        {
            var column = Resolved.Columns[o.Column];
            return new SortKey(column.SortKey!, o.Descending, column.Path?.Name ?? "") { IsNullable = column.Path?.IsNullable ?? true };
        }).ToList();
        return (keys, order);
    }

    public IQueryable<T> Sort(IQueryable<T> query, ChangeListParameters parameters) =>
        Sorting.Apply(query, SortKeys(parameters).Keys, Resolved.Key, newestFirst: true);

    /// <summary>row => new object[] { key, column0, column1, ... }: only the displayed values leave the database.</summary>
    public IQueryable<object?[]> Project(IQueryable<T> query)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var values = new List<Expression> { Box(Expression.Property(parameter, Resolved.Key.PropertyInfo!)) };
        foreach (var column in Resolved.Columns)
            values.Add(Box(ParameterRebinder.Rebind(column.Value, parameter)));
        var selector = Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), parameter);
        return query.Select(selector);

        static Expression Box(Expression e) => e.Type == typeof(object) ? e : Expression.Convert(e, typeof(object));
    }

    // 3. Count --------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The rows matching, counted exactly up to the limit (the count reads at most limit + 1 rows; an unfiltered table
    /// the engine can bound under the limit is counted outright, which costs less); past it the table's estimate when
    /// unfiltered, or only "more than the limit"; exactly at any size when <c>_full_count</c> asks.
    /// </summary>
    private async Task<ResultCount> CountAsync(IQueryable<T> query, bool filtered, bool fullCount, string countKey, CancellationToken cancellationToken)
    {
        var limit = ExactCountLimit;
        if (fullCount)
        {
            var exact = await query.LongCountAsync(cancellationToken);
            context.Http.RequestServices.GetRequiredService<ChangeListCounts>().Set(countKey, exact);
            return new ResultCount(exact, IsExact: true);
        }
        var sizes = context.Db.Provider().TableSizes;
        var bound = filtered ? null : await sizes.UpperBoundAsync(context.Db, Resolved.EntityType, cancellationToken);
        if (bound <= limit) return new ResultCount(await CountAllAsync(query, cancellationToken), IsExact: true);
        var bounded = await query.Take(limit + 1).LongCountAsync(cancellationToken);
        if (bounded <= limit) return new ResultCount(bounded, IsExact: true);
        if (filtered) return new ResultCount(bounded, IsExact: false, IsLowerBound: true);
        var estimate = bound ?? await sizes.EstimateAsync(context.Db, Resolved.EntityType, cancellationToken);
        return new ResultCount(Math.Max(estimate ?? 0, bounded), IsExact: false);
    }

    /// <summary>All the registration's rows counted (the query is unfiltered): compiled when the registration allows.</summary>
    private Task<long> CountAllAsync(IQueryable<T> all, CancellationToken cancellationToken)
    {
        if (!admin.ListsAllRows) return all.LongCountAsync(cancellationToken);
        var count = CompiledQueries.Get(context.Db, admin, "count", () => CompiledQueries.Value<T, long>(all, nameof(Queryable.LongCount)));
        return count(context.Db, cancellationToken);
    }

    private int ExactCountLimit => context.Http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.ExactCountLimit;

    /// <summary>What a count depends on: the model and the filters and search, not the ordering or the page.</summary>
    private string CountKey(ChangeListParameters parameters) =>
        admin.Label + "?" + AdminUrls.Query(parameters.Items.Where(i => i.Key is not (ChangeListParameters.Order or ChangeListParameters.ShowAll)));

    // 4. Page ---------------------------------------------------------------------------------------------------------

    /// <summary>
    /// One page of the sorted rows, read the cheapest way that gives the rows offset paging would:
    /// after a seek anchor (the last row of an earlier page, from the link followed), backwards from the end (a page in
    /// the second half of an exactly counted list), or by skipping rows (near the start).
    /// </summary>
    private async Task<List<object?[]>> PageRowsAsync(
        IQueryable<T> filtered, bool narrowed, IReadOnlyList<SortKey> keys, int page, int take, ResultCount count, string? seek, string countKey, CancellationToken cancellationToken)
    {
        var perPage = admin.ListPerPage;
        var skip = (long)(page - 1) * perPage;
        var seekable = Keyset.CanSeek(keys, Resolved.Key);

        if (seekable && Keyset.ParseAnchor(seek, Resolved.Key.ClrType) is var (anchorPage, anchorKey) && anchorPage < page && skip > 0
            && await AnchorValuesAsync(filtered, keys, anchorKey, cancellationToken) is { } anchor)
        {
            var after = filtered.Where(Keyset.After<T>(keys, Resolved.Key, anchor));
            var rows = Sorting.Apply(after, keys, Resolved.Key, newestFirst: true).Skip((page - anchorPage - 1) * perPage).Take(take);
            return await Project(rows).ToListAsync(cancellationToken);
        }

        // Far from the start without an anchor: read from the end, which needs the exact count (kept for a minute).
        long? total = count.IsExact ? count.Value
            : skip >= ExactCountLimit ? await context.Http.RequestServices.GetRequiredService<ChangeListCounts>().GetAsync(countKey, () => filtered.LongCountAsync(cancellationToken))
            : null;
        if (total is { } n && skip > n / 2 && skip < n)
        {
            // The same rows as Skip(skip).Take(perPage), read from the other end: the last page costs what the first does.
            // One row more on the far side, as the other ways read one more: it tells whether a next page follows.
            var fromEnd = Math.Max(0, n - skip - perPage);
            var next = fromEnd > 0 && take > perPage ? 1 : 0;
            var reversed = Sorting.Apply(filtered, keys.Select(k => k with { Descending = !k.Descending }).ToList(), Resolved.Key, newestFirst: true, reverseKey: true);
            var rows = await Project(reversed.Skip((int)(fromEnd - next)).Take((int)Math.Min(perPage, n - skip) + next)).ToListAsync(cancellationToken);
            rows.Reverse();
            return rows;
        }

        if (!narrowed && ReferenceEquals(keys, Resolved.Ordering) && admin.ListsAllRows && skip <= int.MaxValue)
            return await FirstPagesAsync(filtered, (int)skip, take, cancellationToken);
        var sorted = Sorting.Apply(filtered, keys, Resolved.Key, newestFirst: true);
        return await Project(skip > int.MaxValue ? sorted.Take(0) : sorted.Skip((int)skip).Take(take)).ToListAsync(cancellationToken);
    }

    /// <summary>A page of the list as it first opens (all rows, the registration's ordering), by offset: a compiled query.</summary>
    private async Task<List<object?[]>> FirstPagesAsync(IQueryable<T> all, int skip, int take, CancellationToken cancellationToken)
    {
        var query = CompiledQueries.Get(context.Db, admin, "page", () =>
        {
            var skipParameter = Expression.Parameter(typeof(int), "skip");
            var takeParameter = Expression.Parameter(typeof(int), "take");
            var sorted = Sorting.Apply(all, Resolved.Ordering, Resolved.Key, newestFirst: true);
            var page = sorted.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], sorted.Expression, skipParameter), takeParameter));
            return CompiledQueries.Rows(Project(page), skipParameter, takeParameter);
        });
        var rows = new List<object?[]>(take);
        await foreach (var row in query(context.Db, skip, take).WithCancellation(cancellationToken)) rows.Add(row);
        return rows;
    }

    /// <summary>The anchor row's sort values (null when it is gone or filtered out: the page is then read by offset).</summary>
    private async Task<object?[]?> AnchorValuesAsync(IQueryable<T> filtered, IReadOnlyList<SortKey> keys, object anchorKey, CancellationToken cancellationToken)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var values = keys.Select(k => (Expression)Expression.Convert(ParameterRebinder.Rebind(k.Key, parameter), typeof(object)))
            .Append(Expression.Convert(Expression.Property(parameter, Resolved.Key.PropertyInfo!), typeof(object)));
        var selector = Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), parameter);
        return await filtered.Where(RelatedRows.KeyIn<T>(Resolved.Key, [anchorKey])).Select(selector).FirstOrDefaultAsync(cancellationToken);
    }

    // 5. Rows ---------------------------------------------------------------------------------------------------------

    /// <summary>The page as Django shows it: headers, rows, filters, search box, pager and actions.</summary>
    /// <param name="editors">The list-editable inputs (one template per column; none without change permission).</param>
    /// <param name="edits">Posted list edits shown again with their errors.</param>
    public async Task<ChangeListOutcome> BuildAsync(
        IReadOnlyList<KeyValuePair<string, string>> query, IReadOnlyDictionary<int, FormFieldViewModel> editors, ListEdits? edits,
        IReadOnlyList<ActionChoice> actions, CancellationToken cancellationToken)
    {
        var changeList = AdminUrls.ChangeList(admin);
        var parameters = new ChangeListParameters(changeList, query);
        var baseQuery = BaseQuery();
        var filter = await FilterAsync(baseQuery, query, cancellationToken);
        if (filter.Disallowed is not null) return new ChangeListOutcome(null, null, null, filter.Disallowed);
        if (filter.Query is not { } filteredQuery) return new ChangeListOutcome(null, changeList + "?e=1", "Invalid filter", null);
        var narrowed = filter.Filtered || filter.Searched;

        var values = LastValues(query);
        var fullCount = values.ContainsKey(ChangeListParameters.FullCount);
        var count = await CountAsync(filteredQuery, narrowed, fullCount, CountKey(parameters), cancellationToken);
        var total = narrowed ? await CountAsync(baseQuery, filtered: false, fullCount, admin.Label + "?", cancellationToken) : count;

        var (keys, order) = SortKeys(parameters);
        var headerOrder = order.Count > 0 ? order : DefaultOrderColumns();

        // Paging: non-numeric → 1; out of range → e=1; "all" only while the count allows it.
        var page = int.TryParse(values.GetValueOrDefault(ChangeListParameters.Page), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var perPage = admin.ListPerPage;
        var pageCount = (int)Math.Min(int.MaxValue, Math.Max(1, (count.Value + perPage - 1) / perPage));
        if (page < 1 || count.IsExact && page > pageCount) return new ChangeListOutcome(null, changeList + "?e=1", "That page does not exist.", null);
        var canShowAll = count.IsExact && count.Value <= admin.ListMaxShowAll;
        var showAll = parameters.Has(ChangeListParameters.ShowAll) && canShowAll;

        List<object?[]> rows;
        if (showAll)
        {
            rows = await Project(Sorting.Apply(filteredQuery, keys, Resolved.Key, newestFirst: true)).ToListAsync(cancellationToken);
        }
        else
        {
            // One row more than the page tells, without a count, whether another page follows.
            rows = await PageRowsAsync(filteredQuery, narrowed, keys, page, perPage + 1, count, values.GetValueOrDefault(ChangeListParameters.Seek), CountKey(parameters), cancellationToken);
            var hasNext = rows.Count > perPage;
            if (hasNext) rows.RemoveAt(perPage);
            if (!count.IsExact)
            {
                if (rows.Count == 0 && page > 1) return new ChangeListOutcome(null, changeList + "?e=1", "That page does not exist.", null);
                pageCount = hasNext ? Math.Max(pageCount, page + 1) : page;
            }
        }

        var preserved = parameters.QueryString;
        var seekAnchor = rows.Count > 0 && !showAll && Keyset.CanSeek(keys, Resolved.Key) ? rows[^1][0] : null;
        return new ChangeListOutcome(new ChangeListViewModel
        {
            Admin = admin,
            Title = $"Select {admin.DisplayName} to {(admin.HasChangePermission(context.User) ? "change" : "view")}",
            Headers = Headers(parameters, headerOrder),
            Rows = rows.Select((r, i) => Row(r, i, preserved, editors, edits)).ToList(),
            Search = Resolved.SearchFields.Count == 0 ? null : new SearchBox(
                parameters.Get(ChangeListParameters.Search), changeList,
                parameters.Items.Where(i => i.Key is not ChangeListParameters.Search).ToList(),
                CountText(count, "result", "results"), CountText(total, null, null), narrowed, parameters.Url((ChangeListParameters.Search, null))),
            Filters = await FilterPanelsAsync(parameters, cancellationToken),
            ClearFiltersUrl = filter.Filtered ? parameters.Url([], admin.FilterParameterNames) : null,
            DateHierarchy = Resolved.DateHierarchy is { } hierarchy
                ? await hierarchy.BuildAsync(baseQuery, filteredQuery, filter.DateSelection!, parameters, admin.ListsAllRows ? context.Db : null, cancellationToken)
                : null,
            Pagination = Paginate(page, pageCount, count, showAll, canShowAll && pageCount > 1, parameters, seekAnchor),
            Actions = actions,
            AddUrl = admin.HasAddPermission(context.User) ? AdminUrls.WithPreservedFilters(AdminUrls.Add(admin), preserved) : null,
            ExportUrl = new ChangeListParameters(AdminUrls.Export(admin), parameters.Items).Url(),
            PreservedFilters = preserved,
            FormActionUrl = parameters.Url(),
            ResultCount = (int)Math.Min(int.MaxValue, count.Value),
            ResultCountText = CountText(count, null, null),
            HasEditableColumns = editors.Count > 0 && admin.HasChangePermission(context.User),
        }, null, null, null);
    }

    /// <summary>"205", "about 1,000,000" or "more than 10,000", with the noun when given.</summary>
    private static string CountText(ResultCount count, string? singular, string? plural)
    {
        var number = count.IsExact ? count.Value : count.IsLowerBound ? count.Value - 1 : count.Value;
        var text = number.ToString("N0", CultureInfo.CurrentCulture);
        text = count.IsExact ? text : count.IsLowerBound ? "more than " + text : "about " + text;
        return singular is null ? text : $"{text} {(count.IsExact && count.Value == 1 ? singular : plural)}";
    }

    /// <summary>Columns the registration's ordering sorts by, for the header arrows when "o" is absent.</summary>
    private List<(int Column, bool Descending)> DefaultOrderColumns() =>
        Resolved.Ordering
            .Select(k => (Column: Resolved.Columns.FindIndex(c => c.Path is not null && c.SortKey is not null && c.Path.Name == k.Name), k.Descending))
            .Where(c => c.Column >= 0)
            .DistinctBy(c => c.Column)
            .ToList();

    private ListRow Row(object?[] values, int rowIndex, string preserved, IReadOnlyDictionary<int, FormFieldViewModel> editors, ListEdits? edits)
    {
        var key = ValueParsing.FormatKey(values[0]!);
        var url = AdminUrls.WithPreservedFilters(AdminUrls.Change(admin, key), preserved);
        var cells = new List<ListCell>(Resolved.Columns.Count);
        for (var i = 0; i < Resolved.Columns.Count; i++)
        {
            var column = Resolved.Columns[i];
            var value = values[i + 1];
            var link = Resolved.LinkColumns.Contains(i) ? url : null;
            if (editors.TryGetValue(i, out var template))
            {
                var name = ModelAdminEngine<T>.EditorName(rowIndex, column.Path!.Name);
                var initial = FormValues.FormatInput(value);
                var editor = edits?.GetValueOrDefault(key)?.GetValueOrDefault(column.Path.Name) is { } posted
                    ? CopyWithErrors(posted.For(name, posted.Value), posted.Errors)
                    : template.For(name, initial);
                cells.Add(new ListCell(CellFormatting.Format(value, column.Path), null, false, null) { Editor = editor, InitialValue = initial });
            }
            else if (column.IsBoolean)
                cells.Add(new ListCell(value switch { true => "Yes", false => "No", _ => "Unknown" }, value as bool?, true, link));
            else
                cells.Add(new ListCell(CellFormatting.Format(value, column.Path), null, false, link));
        }
        return new ListRow(key, cells.FirstOrDefault()?.Text ?? key, cells);
    }

    private static FormFieldViewModel CopyWithErrors(FormFieldViewModel field, IEnumerable<string> errors)
    {
        field.Errors.AddRange(errors);
        return field;
    }

    private List<ColumnHeader> Headers(ChangeListParameters parameters, List<(int Column, bool Descending)> order)
    {
        var headers = new List<ColumnHeader>();
        for (var i = 0; i < Resolved.Columns.Count; i++)
        {
            var column = Resolved.Columns[i];
            if (column.SortKey is null)
            {
                headers.Add(new ColumnHeader(column.Header, false, null, false, null, null, null, column.IsBoolean));
                continue;
            }
            var position = order.FindIndex(o => o.Column == i);
            var sort = position >= 0 ? new SortState(position + 1, order[position].Descending) : null;
            var newDescending = sort is { Descending: false };
            // Django's three links: make this the primary sort, toggle its direction in place, remove it.
            var primary = new List<string>();
            var toggle = new List<string>();
            var remove = new List<string>();
            foreach (var (j, descending) in order)
            {
                if (j == i)
                {
                    var flipped = Encode(j, newDescending);
                    primary.Insert(0, flipped);
                    toggle.Add(flipped);
                }
                else
                {
                    var same = Encode(j, descending);
                    primary.Add(same);
                    toggle.Add(same);
                    remove.Add(same);
                }
            }
            if (sort is null) primary.Insert(0, Encode(i, false));
            headers.Add(new ColumnHeader(column.Header, true, sort, order.Count > 1,
                OrderUrl(primary), sort is null ? null : OrderUrl(toggle), sort is null ? null : OrderUrl(remove), column.IsBoolean));
        }
        return headers;

        static string Encode(int column, bool descending) => (descending ? "-" : "") + column.ToString(CultureInfo.InvariantCulture);
        string OrderUrl(List<string> parts) => parameters.Url((ChangeListParameters.Order, parts.Count == 0 ? null : string.Join(".", parts)));
    }

    private async Task<List<FilterPanel>> FilterPanelsAsync(ChangeListParameters parameters, CancellationToken cancellationToken)
    {
        var panels = new List<FilterPanel>();
        foreach (var filter in admin.ListFilter)
        {
            var own = filter.ParameterNames;
            var choices = await filter.GetChoicesAsync(context, cancellationToken);
            var anyLabel = filter is PropertyListFilter<T> { Kind: PropertyFilterKind.Date } ? "Any date" : "All";
            var links = new List<FilterLink> { new(anyLabel, parameters.Url([], own), !own.Any(parameters.Has)) };
            foreach (var choice in choices)
            {
                var selected = parameters.Get(choice.Parameter) == choice.Value && own.Where(n => n != choice.Parameter).All(n => !parameters.Has(n));
                links.Add(new FilterLink(choice.Label, parameters.Url([(choice.Parameter, choice.Value)], own), selected));
            }
            panels.Add(new FilterPanel(filter.Title, filter.ParameterName, links)
            {
                DateRange = (filter as PropertyListFilter<T>)?.DateRange(parameters),
                Autocomplete = await AutocompleteFilterAsync(filter, choices, parameters, cancellationToken),
            });
        }
        return panels;
    }

    /// <summary>
    /// The filter form of a foreign-key filter in AutocompleteFields whose related rows were too many to list: the chosen
    /// object only, and the list's other parameters.
    /// </summary>
    private async Task<AutocompleteFilter?> AutocompleteFilterAsync(
        ListFilter<T> filter, IReadOnlyList<FilterChoice> listed, ChangeListParameters parameters, CancellationToken cancellationToken)
    {
        if (filter is not PropertyListFilter<T> { UsesAutocomplete: true, Resolved: { } path }) return null;
        if (listed.Any(c => c.Parameter == filter.ParameterName)) return null;
        var value = parameters.Get(filter.ParameterName);
        var key = string.IsNullOrEmpty(value) ? null : ValueParsing.TryParseKey(value, path.ForeignKeyTarget!.FindPrimaryKey()!.Properties[0].ClrType);
        var fields = new ModelFormFields<T>(context, Resolved.EntityType, Resolved.Key, admin.DisplayName, admin);
        var field = new FormFieldViewModel
        {
            Name = filter.ParameterName,
            Label = filter.Title,
            Widget = WidgetKind.Autocomplete,
            Value = value,
            Options = await fields.CurrentChoiceAsync(path, key, cancellationToken),
            Related = fields.RelatedWidgetFor(path, WidgetKind.Autocomplete) is { } related ? related with { AddUrl = null, ChangeUrlTemplate = null } : null,
        };
        var own = filter.ParameterNames.ToHashSet(StringComparer.Ordinal);
        return new AutocompleteFilter(field, parameters.BaseUrl, parameters.Items.Where(i => !own.Contains(i.Key)).ToList());
    }

    /// <param name="seekAnchor">The key of this page's last row: links to later pages seek past it.</param>
    private Pagination Paginate(int page, int pageCount, ResultCount count, bool showingAll, bool offerShowAll, ChangeListParameters parameters, object? seekAnchor)
    {
        var links = new List<PageLink>();
        if (pageCount > 1 && !showingAll)
        {
            foreach (var number in ElidedPageRange(page, pageCount))
            {
                links.Add(number is { } n
                    ? new PageLink(n, PageUrl(n), n == page)
                    : new PageLink(null, null, false));
            }
        }
        var noun = count.IsExact && count.Value == 1 ? admin.DisplayName : admin.DisplayNamePlural;
        return new Pagination(page, pageCount, links, offerShowAll && !showingAll ? parameters.Url((ChangeListParameters.ShowAll, "")) : null,
            showingAll, $"{CountText(count, null, null)} {noun}")
        {
            FullCountUrl = count.IsExact ? null : parameters.Url((ChangeListParameters.FullCount, "1")),
        };

        string PageUrl(int n)
        {
            if (n == 1) return parameters.Url();
            var number = n.ToString(CultureInfo.InvariantCulture);
            // The next few pages start right after this one's last row: the link carries it, so the database seeks there.
            if (seekAnchor is not null && n > page && n <= page + 3)
                return parameters.Url((ChangeListParameters.Page, number), (ChangeListParameters.Seek, Keyset.FormatAnchor(page, seekAnchor)));
            return parameters.Url((ChangeListParameters.Page, number));
        }
    }

    /// <summary>Django's elided page range: the first 2, the current ±3 and the last 2 pages, with gaps as null.</summary>
    internal static IEnumerable<int?> ElidedPageRange(int page, int pageCount, int onEachSide = 3, int onEnds = 2)
    {
        if (pageCount <= (onEachSide + onEnds) * 2)
        {
            for (var i = 1; i <= pageCount; i++) yield return i;
            yield break;
        }
        if (page > 1 + onEachSide + onEnds + 1)
        {
            for (var i = 1; i <= onEnds; i++) yield return i;
            yield return null;
            for (var i = page - onEachSide; i <= page; i++) yield return i;
        }
        else
        {
            for (var i = 1; i <= page; i++) yield return i;
        }
        if (page < pageCount - onEachSide - onEnds - 1)
        {
            for (var i = page + 1; i <= page + onEachSide; i++) yield return i;
            yield return null;
            for (var i = pageCount - onEnds + 1; i <= pageCount; i++) yield return i;
        }
        else
        {
            for (var i = page + 1; i <= pageCount; i++) yield return i;
        }
    }
}
