using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using WebApp.Admin.Metadata;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>(ModelAdmin<T> admin, AdminRequestContext context) : ModelAdminEngine where T : class
{
    private ResolvedModelAdmin<T> Resolved => admin.Resolved;

    public override ModelAdmin Admin => admin;

    private IQueryable<T> BaseQuery(bool tracking = false) => List.BaseQuery(tracking);

    private ChangeList<T> List => new(admin, context);

    /// <summary>The first query parameter that is neither standard nor a declared filter's (the lookup whitelist).</summary>
    public override string? DisallowedParameter(IReadOnlyList<KeyValuePair<string, string>> parameters) => List.DisallowedParameter(parameters);

    public override Task<ChangeListOutcome> ChangeListAsync(
        IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken, ListEdits? edits = null) =>
        context.Db.OnOneConnectionAsync(
            async () => await List.BuildAsync(query, await EditorTemplatesAsync(cancellationToken), edits, admin.ActionsEnabled ? AvailableActions() : [], cancellationToken),
            cancellationToken);

    /// <summary>
    /// Every row of the changelist as it stands (filters, search, ordering; all pages) with the list's columns, read
    /// as a stream so that memory stays flat however many rows match.
    /// </summary>
    public override async Task<ChangeListExportOutcome> ExportAsync(IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var list = List;
        var parameters = new ChangeListParameters(AdminUrls.ChangeList(admin), query);
        var filter = await list.FilterAsync(list.BaseQuery(), query, cancellationToken);
        if (filter.Disallowed is not null) return new ChangeListExportOutcome(null, filter.Disallowed);
        if (filter.Query is null) return new ChangeListExportOutcome(null, null);
        var columns = Resolved.Columns;
        var rows = list.Project(list.Sort(filter.Query, parameters)).AsAsyncEnumerable();
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

    private ModelFormFields<T> FormFields => new(context, Resolved.EntityType, Resolved.Key, admin.DisplayName, admin);

    /// <summary>One input per list-editable column (options loaded once), copied into each row; none without change permission.</summary>
    private async Task<Dictionary<int, FormFieldViewModel>> EditorTemplatesAsync(CancellationToken cancellationToken)
    {
        var templates = new Dictionary<int, FormFieldViewModel>();
        if (!admin.HasChangePermission(context.User)) return templates;
        var fields = FormFields;
        foreach (var (index, path) in Resolved.EditableColumns)
            templates[index] = await fields.FieldAsync(admin.CreateNew(), path, readOnly: false, cancellationToken);
        return templates;
    }

    internal static string EditorName(int row, string field) => $"form-{row}-{field}";

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
        var rows = new List<ModelFormSet<T>.Row>();
        foreach (var (index, key) in rowKeys)
        {
            // A row deleted since the page was shown is skipped, as Django's formset does.
            if (!byKey.TryGetValue(key, out var obj)) continue;
            var fields = new List<ModelFormSet<T>.Field>();
            foreach (var (column, path) in Resolved.EditableColumns)
            {
                var view = templates[column].For(path.Name, null);
                var posted = form[EditorName(index, path.Name)];
                view.Value = FormValues.PostedValue(view, posted);
                // A cell nobody edited keeps what the database holds now (a checkout may have changed the stock meanwhile).
                var initial = form[InitialName(EditorName(index, path.Name))];
                var unchanged = initial.Count > 0 && string.Equals(initial.LastOrDefault() ?? "", view.Value ?? "", StringComparison.Ordinal);
                fields.Add(new ModelFormSet<T>.Field(path, view, unchanged ? null : (StringValues?)posted));
            }
            rows.Add(new ModelFormSet<T>.Row(obj, fields));
            edits[key] = fields.ToDictionary(f => f.Path.Name, f => f.View, StringComparer.Ordinal);
        }

        var saved = await new ModelFormSet<T>(admin, context).SaveAsync(rows, cancellationToken);
        if (saved is not null) return new ListEditOutcome(null, saved.Count);
        // Errors on fields the row does not show go to the first editable field of that row.
        foreach (var row in rows.Where(r => r.NonFieldErrors.Count > 0 && r.Fields.Count > 0)) row.Fields[0].View.Errors.AddRange(row.NonFieldErrors);
        return new ListEditOutcome(await ChangeListAsync(query, cancellationToken, edits), 0);
    }

    public override IReadOnlyList<ActionChoice> AvailableActions()
    {
        var actions = new List<ActionChoice>();
        if (admin.HasDeletePermission(context.User))
            actions.Add(new ActionChoice(DeleteSelectedAction, $"Delete selected {admin.DisplayNamePlural}"));
        if (admin.HasChangePermission(context.User) && BulkEditableFields().Count > 0)
            actions.Add(new ActionChoice(EditSelectedAction, $"Edit selected {admin.DisplayNamePlural}"));
        foreach (var action in admin.Actions)
        {
            if (admin.HasPermission(context.User, action.Permission)) actions.Add(new ActionChoice(action.Name, action.Description));
        }
        return actions;
    }

    public override AdminOperation? ActionPermission(string name) => name switch
    {
        DeleteSelectedAction => AdminOperation.Delete,
        EditSelectedAction => AdminOperation.Change,
        _ => admin.Actions.FirstOrDefault(a => a.Name == name)?.Permission,
    };

    public override async Task<IReadOnlyList<object>?> SelectedAsync(
        IReadOnlyList<string> keys, bool acrossPages, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        IQueryable<T> selected;
        if (acrossPages)
        {
            if ((await List.FilterAsync(BaseQuery(tracking: true), query, cancellationToken)).Query is not { } filtered) return null;
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
        if (name == EditSelectedAction) return await BulkEditAsync(selected.Cast<T>().ToList(), messages, cancellationToken);
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
