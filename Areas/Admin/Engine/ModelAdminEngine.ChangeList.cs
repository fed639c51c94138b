using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>(ModelAdmin<T> admin, AdminRequestContext context) : ModelAdminEngine where T : class
{
    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private ResolvedModelAdmin<T> Resolved => admin.Resolved;

    public override ModelAdmin Admin => admin;

    private IQueryable<T> BaseQuery(bool tracking = false)
    {
        IQueryable<T> set = context.Db.Set<T>();
        return admin.GetQueryset(tracking ? set : set.AsNoTracking());
    }

    /// <summary>Filters and search of the changelist, shared by the page and "select all" actions.</summary>
    private (IQueryable<T>? Query, bool Filtered, bool Searched, string? Disallowed) Filter(IQueryable<T> query, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (DisallowedParameter(parameters) is { } disallowed) return (null, false, false, disallowed);
        var values = LastValues(parameters);
        var filtered = false;
        foreach (var filter in admin.ListFilter)
        {
            var mine = filter.ParameterNames.Where(values.ContainsKey).ToDictionary(n => n, n => values[n], StringComparer.Ordinal);
            if (mine.Count == 0) continue;
            var narrowed = filter.Apply(query, mine, context);
            if (narrowed is null) return (null, false, false, null);
            query = narrowed;
            filtered = true;
        }
        if (Resolved.DateHierarchy is { } hierarchy)
        {
            if (hierarchy.Parse(values) is not { } selection) return (null, false, false, null);
            if (!selection.IsEmpty)
            {
                query = hierarchy.Apply(query, selection);
                filtered = true;
            }
        }
        var terms = SearchTerms.Split(values.GetValueOrDefault(ChangeListParameters.Search));
        if (terms.Count > 0 && Resolved.SearchFields.Count > 0)
        {
            foreach (var term in terms) query = query.Where(SearchPredicate(term));
            return (query, filtered, true, null);
        }
        return (query, filtered, false, null);
    }

    /// <summary>Each parameter's last value, as Django's QueryDict reads a repeated one.</summary>
    private static Dictionary<string, string> LastValues(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        parameters.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    /// <summary>The first query parameter that is neither standard nor a declared filter's (the lookup whitelist).</summary>
    public override string? DisallowedParameter(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        parameters.Select(p => p.Key).FirstOrDefault(name => !AdminChecks.ReservedParameters.Contains(name) && !admin.FilterParameterNames.Contains(name));

    /// <summary>row => field1 matches term OR field2 matches term ..., case-insensitive, the term always a parameter.</summary>
    private Expression<Func<T, bool>> SearchPredicate(string term)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var matching = context.Db.Provider().TextMatching;
        Expression? any = null;
        foreach (var (path, mode) in Resolved.SearchFields)
        {
            var field = path.Build(parameter);
            Expression match = mode switch
            {
                SearchMode.Exact => Expression.Equal(Expression.Call(field, ToLowerMethod), QueryParameters.Constant(term.ToLowerInvariant(), typeof(string))),
                SearchMode.StartsWith => matching.Matches(field, term, TextMatch.StartsWith),
                _ => matching.Matches(field, term, TextMatch.Contains),
            };
            any = any is null ? match : Expression.OrElse(any, match);
        }
        return Expression.Lambda<Func<T, bool>>(any!, parameter);
    }

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

    public override async Task<ChangeListOutcome> ChangeListAsync(
        IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken, ListEdits? edits = null)
    {
        var changeList = AdminUrls.ChangeList(admin);
        var parameters = new ChangeListParameters(changeList, query);
        var baseQuery = BaseQuery();
        var (filteredQuery, filtered, searched, disallowed) = Filter(baseQuery, query);
        if (disallowed is not null) return new ChangeListOutcome(null, null, null, disallowed);
        if (filteredQuery is null) return new ChangeListOutcome(null, changeList + "?e=1", "Invalid filter", null);

        var count = await filteredQuery.CountAsync(cancellationToken);
        var total = filtered || searched ? await baseQuery.CountAsync(cancellationToken) : count;

        var (sorted, order) = Sort(filteredQuery, parameters);
        var headerOrder = order.Count > 0 ? order : DefaultOrderColumns();

        // Paging: non-numeric → 1; out of range → e=1; "all" only while the count allows it.
        var pageText = query.LastOrDefault(p => p.Key == ChangeListParameters.Page).Value;
        var page = int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var pageCount = Math.Max(1, (count + admin.ListPerPage - 1) / admin.ListPerPage);
        if (page < 1 || page > pageCount) return new ChangeListOutcome(null, changeList + "?e=1", "That page does not exist.", null);
        var canShowAll = count <= admin.ListMaxShowAll;
        var showAll = parameters.Has(ChangeListParameters.ShowAll) && canShowAll;
        var pageQuery = showAll ? sorted : sorted.Skip((page - 1) * admin.ListPerPage).Take(admin.ListPerPage);

        var rows = await Project(pageQuery).ToListAsync(cancellationToken);
        var preserved = parameters.QueryString;
        var editors = await EditorTemplatesAsync(cancellationToken);

        return new ChangeListOutcome(new ChangeListViewModel
        {
            Admin = admin,
            Title = $"Select {admin.DisplayName} to {(admin.HasChangePermission(context.User) ? "change" : "view")}",
            Headers = Headers(parameters, headerOrder),
            Rows = rows.Select((r, i) => Row(r, i, preserved, editors, edits)).ToList(),
            Search = Resolved.SearchFields.Count == 0 ? null : new SearchBox(
                parameters.Get(ChangeListParameters.Search), changeList,
                parameters.Items.Where(i => i.Key is not ChangeListParameters.Search).ToList(),
                count, total, filtered || searched, parameters.Url((ChangeListParameters.Search, null))),
            Filters = await FilterPanelsAsync(parameters, cancellationToken),
            ClearFiltersUrl = filtered ? parameters.Url([], admin.FilterParameterNames) : null,
            DateHierarchy = Resolved.DateHierarchy is { } hierarchy
                ? await hierarchy.BuildAsync(filteredQuery, hierarchy.Parse(LastValues(query))!, parameters, cancellationToken)
                : null,
            Pagination = Paginate(page, pageCount, count, showAll, canShowAll && pageCount > 1, parameters),
            Actions = admin.ActionsEnabled ? AvailableActions() : [],
            AddUrl = admin.HasAddPermission(context.User) ? AdminUrls.WithPreservedFilters(AdminUrls.Add(admin), preserved) : null,
            ExportUrl = new ChangeListParameters(AdminUrls.Export(admin), parameters.Items).Url(),
            PreservedFilters = preserved,
            FormActionUrl = parameters.Url(),
            ResultCount = count,
            HasEditableColumns = editors.Count > 0 && admin.HasChangePermission(context.User),
        }, null, null, null);
    }

    /// <summary>Ordering: the valid columns of "o", else the registration's ordering; always ending on the key.</summary>
    private (IQueryable<T> Sorted, List<(int Column, bool Descending)> Order) Sort(IQueryable<T> query, ChangeListParameters parameters)
    {
        var order = ParseOrder(parameters.Get(ChangeListParameters.Order));
        var sortKeys = order.Count > 0
            ? order.Select(o => new SortKey(Resolved.Columns[o.Column].SortKey!, o.Descending, Resolved.Columns[o.Column].Path?.Name ?? "")).ToList()
            : Resolved.Ordering;
        return (Sorting.Apply(query, sortKeys, Resolved.Key, newestFirst: true), order);
    }

    /// <summary>
    /// Every row of the changelist as it stands (filters, search, ordering; all pages) with the list's columns, read
    /// as a stream so that memory stays flat however many rows match.
    /// </summary>
    public override ChangeListExportOutcome Export(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var parameters = new ChangeListParameters(AdminUrls.ChangeList(admin), query);
        var (filteredQuery, _, _, disallowed) = Filter(BaseQuery(), query);
        if (disallowed is not null) return new ChangeListExportOutcome(null, disallowed);
        if (filteredQuery is null) return new ChangeListExportOutcome(null, null);
        var (sorted, _) = Sort(filteredQuery, parameters);
        var columns = Resolved.Columns;
        var rows = Project(sorted).AsAsyncEnumerable();
        return new ChangeListExportOutcome(new ChangeListExport(
            $"{admin.ModelName}.csv",
            [.. columns.Select(c => c.Header)],
            Cells(rows)), null);

        async IAsyncEnumerable<IReadOnlyList<string>> Cells(IAsyncEnumerable<object?[]> values)
        {
            await foreach (var row in values)
            {
                var cells = new string[columns.Count];
                for (var i = 0; i < columns.Count; i++) cells[i] = CsvFormatting.Format(row[i + 1]);
                yield return cells;
            }
        }
    }

    /// <summary>Columns the registration's ordering sorts by, for the header arrows when "o" is absent.</summary>
    private List<(int Column, bool Descending)> DefaultOrderColumns() =>
        Resolved.Ordering
            .Select(k => (Column: Resolved.Columns.FindIndex(c => c.Path is not null && c.SortKey is not null && c.Path.Name == k.Name), k.Descending))
            .Where(c => c.Column >= 0)
            .DistinctBy(c => c.Column)
            .ToList();

    /// <summary>row => new object[] { key, column0, column1, ... }: only the displayed values leave the database.</summary>
    private IQueryable<object?[]> Project(IQueryable<T> query)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        var values = new List<Expression> { Box(Expression.Property(parameter, Resolved.Key.PropertyInfo!)) };
        foreach (var column in Resolved.Columns)
            values.Add(Box(ParameterRebinder.Rebind(column.Value, parameter)));
        var selector = Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object), values), parameter);
        return query.Select(selector);

        static Expression Box(Expression e) => e.Type == typeof(object) ? e : Expression.Convert(e, typeof(object));
    }

    /// <summary>One input per list-editable column (options loaded once), copied into each row; none without change permission.</summary>
    private async Task<Dictionary<int, FormFieldViewModel>> EditorTemplatesAsync(CancellationToken cancellationToken)
    {
        var templates = new Dictionary<int, FormFieldViewModel>();
        if (!admin.HasChangePermission(context.User)) return templates;
        foreach (var (index, path) in Resolved.EditableColumns)
            templates[index] = await FieldAsync(admin.CreateNew(), new ResolvedFormField(path, false), readOnly: false, cancellationToken);
        return templates;
    }

    internal static string EditorName(int row, string field) => $"form-{row}-{field}";

    private ListRow Row(object?[] values, int rowIndex, string preserved, Dictionary<int, FormFieldViewModel> editors, ListEdits? edits)
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
                var name = EditorName(rowIndex, column.Path!.Name);
                var initial = FormatInput(value);
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

    public override async Task<ListEditOutcome> SaveListEditsAsync(
        IFormCollection form, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var templates = await EditorTemplatesAsync(cancellationToken);
        var rowKeys = new List<(int Index, string Key)>();
        for (var i = 0; i < admin.ListMaxShowAll + admin.ListPerPage && form.ContainsKey($"form-{i}-id"); i++)
            rowKeys.Add((i, form[$"form-{i}-id"].LastOrDefault() ?? ""));
        var keys = rowKeys.Select(r => ValueParsing.TryParseKey(r.Key, Resolved.Key.ClrType)).OfType<object>().ToList();
        var objects = await BaseQuery(tracking: true).Where(RelatedRows.KeyIn<T>(Resolved.Key, keys)).ToListAsync(cancellationToken);
        var byKey = objects.ToDictionary(KeyOf);

        var edits = new ListEdits();
        var changed = new List<T>();
        var valid = true;
        foreach (var (index, key) in rowKeys)
        {
            // A row deleted since the page was shown is skipped, as Django's formset does.
            if (!byKey.TryGetValue(key, out var obj)) continue;
            var fields = new Dictionary<string, FormFieldViewModel>(StringComparer.Ordinal);
            foreach (var (column, path) in Resolved.EditableColumns)
            {
                var view = templates[column].For(path.Name, null);
                var posted = form[EditorName(index, path.Name)];
                view.Value = view.Widget == WidgetKind.Checkbox ? (IsTicked(posted) ? "true" : "false") : posted.LastOrDefault()?.Trim();
                fields[path.Name] = view;
                // A cell nobody edited keeps what the database holds now (a checkout may have changed the stock meanwhile).
                var initial = form[InitialName(EditorName(index, path.Name))];
                if (initial.Count > 0 && string.Equals(initial.LastOrDefault() ?? "", view.Value ?? "", StringComparison.Ordinal)) continue;
                if (TryConvert(path, view, out var converted)) path.Target.PropertyInfo!.SetValue(obj, converted);
            }
            var rowForm = new ChangeFormViewModel
            {
                Admin = admin, Title = "", IsAdd = false, ReadOnly = false, Fieldsets = [new FieldsetViewModel(null, null, false, fields.Values.ToList())],
                ChangeListUrl = "", PreservedFilters = "",
            };
            Validate(obj, rowForm, fields);
            if (!rowForm.HasErrors) await CheckUniqueAsync(obj, false, rowForm, fields, cancellationToken);
            // Errors on fields the row does not show go to the first editable field of that row.
            if (rowForm.NonFieldErrors.Count > 0) fields.Values.First().Errors.AddRange(rowForm.NonFieldErrors);
            valid &= !fields.Values.Any(f => f.Errors.Count > 0);
            edits[key] = fields;
            var entry = context.Db.Entry(obj);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) changed.Add(obj);
        }

        if (!valid)
            return new ListEditOutcome(await ChangeListAsync(query, cancellationToken, edits), 0);
        if (changed.Count > 0)
        {
            foreach (var obj in changed) await admin.SaveModelAsync(new AdminSaveContext<T>(obj, false, context.Db, context.User) { Services = context.Http.RequestServices }, cancellationToken);
            await context.History.SaveWithHistoryAsync(context.Db, changed.Select(o => new HistoryRecord(context.Db.Entry(o), LogAction.Change)).ToList(),
                context.User.Id, cancellationToken);
        }
        return new ListEditOutcome(null, changed.Count);
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
            panels.Add(new FilterPanel(filter.Title, filter.ParameterName, links) { Autocomplete = await AutocompleteFilterAsync(filter, choices, parameters, cancellationToken) });
        }
        return panels;
    }

    private Pagination Paginate(int page, int pageCount, int count, bool showingAll, bool offerShowAll, ChangeListParameters parameters)
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
        var noun = count == 1 ? admin.DisplayName : admin.DisplayNamePlural;
        return new Pagination(page, pageCount, links, offerShowAll && !showingAll ? parameters.Url((ChangeListParameters.ShowAll, "")) : null,
            showingAll, $"{count.ToString("N0", CultureInfo.CurrentCulture)} {noun}");

        string PageUrl(int n) => n == 1 ? parameters.Url() : parameters.Url((ChangeListParameters.Page, n.ToString(CultureInfo.InvariantCulture)));
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

    public override IReadOnlyList<ActionChoice> AvailableActions()
    {
        var actions = new List<ActionChoice>();
        if (admin.HasDeletePermission(context.User))
            actions.Add(new ActionChoice(DeleteSelectedAction, $"Delete selected {admin.DisplayNamePlural}"));
        foreach (var action in admin.Actions)
        {
            if (admin.HasPermission(context.User, action.Permission)) actions.Add(new ActionChoice(action.Name, action.Description));
        }
        return actions;
    }

    public override AdminOperation? ActionPermission(string name) =>
        name == DeleteSelectedAction ? AdminOperation.Delete : admin.Actions.FirstOrDefault(a => a.Name == name)?.Permission;

    public override async Task<IReadOnlyList<object>?> SelectedAsync(
        IReadOnlyList<string> keys, bool acrossPages, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        IQueryable<T> selected;
        if (acrossPages)
        {
            var (filtered, _, _, _) = Filter(BaseQuery(tracking: true), query);
            if (filtered is null) return null;
            selected = filtered;
        }
        else
        {
            var parsed = keys.Select(k => ValueParsing.TryParseKey(k, Resolved.Key.ClrType)).OfType<object>().Distinct().ToList();
            selected = BaseQuery(tracking: true).Where(RelatedRows.KeyIn<T>(Resolved.Key, parsed));
        }
        return await Sorting.Apply(selected, Resolved.Ordering, Resolved.Key).ToListAsync(cancellationToken);
    }

    public override async Task<Microsoft.AspNetCore.Mvc.IActionResult?> RunActionAsync(
        string name, IReadOnlyList<object> selected, List<AdminMessage> messages, CancellationToken cancellationToken)
    {
        var action = admin.Actions.Single(a => a.Name == name);
        var actionContext = new AdminActionContext<T>(admin, context.Db, context.User, context.History, context.Http.RequestServices);
        var keys = selected.Cast<T>().Select(o => context.Db.Entry(o).Property(Resolved.Key.Name).CurrentValue!).ToList();
        var query = BaseQuery(tracking: true).Where(RelatedRows.KeyIn<T>(Resolved.Key, keys));
        var result = await action.Handler(actionContext, query, cancellationToken);
        messages.AddRange(actionContext.Messages);
        return result;
    }

    public override string KeyOf(object obj) =>
        ValueParsing.FormatKey(context.Db.Entry(obj).Property(Resolved.Key.Name).CurrentValue!);
}

/// <summary>Moves a lambda's body onto another parameter so several lambdas can share one projection.</summary>
internal sealed class ParameterRebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
{
    public static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter) =>
        new ParameterRebinder(lambda.Parameters[0], parameter).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
