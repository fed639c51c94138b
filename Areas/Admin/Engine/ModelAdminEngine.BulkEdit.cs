using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// "Edit selected" (beyond Django): one field set to one value on every selected row. The first POST picks the field,
/// the second shows its input beside the rows it will change, and "Yes, I'm sure" validates every row as its change
/// form would; one invalid row saves nothing. Each changed row gets its own history entry, all in one transaction.
/// </summary>
internal sealed partial class ModelAdminEngine<T>
{
    private const string BulkFieldName = "_bulk_field";

    /// <summary>Plain properties a form may change (no relations, keys, tokens or read-only fields): what bulk edit offers.</summary>
    private List<ResolvedFormField> BulkEditableFields()
    {
        var readOnly = admin.GetReadonlyFields(context.User, null);
        return Resolved.FormFields
            .Where(f => !f.IsReadOnly && f.Path is { IsProperty: true, Navigations.Count: 0 }
                && !readOnly.Contains(f.Name) && f.Path.Target is Microsoft.EntityFrameworkCore.Metadata.IProperty { IsConcurrencyToken: false } property && !property.IsPrimaryKey())
            .ToList();
    }

    /// <summary>The confirmation page (a view result), or null once saved with the message added to <paramref name="messages"/>.</summary>
    private async Task<IActionResult?> BulkEditAsync(IReadOnlyList<T> selected, List<AdminMessage> messages, CancellationToken cancellationToken)
    {
        var form = await context.Http.Request.ReadFormAsync(cancellationToken);
        var fields = BulkEditableFields();
        var chosen = fields.FirstOrDefault(f => f.Name == form[BulkFieldName].LastOrDefault());
        var page = new BulkEditViewModel
        {
            Admin = admin,
            Objects = selected.Select(o => (KeyOf(o), o.ToString() ?? KeyOf(o))).ToList(),
            Fields = fields.Select(f => new SelectOption(f.Name, f.Path.DisplayName, f == chosen)).ToList(),
            FormActionUrl = context.Http.Request.PathBase + context.Http.Request.Path + context.Http.Request.QueryString,
            ChangeListUrl = AdminUrls.ChangeList(admin),
        };
        if (chosen is null) return BulkEditPage(page);

        var input = await FieldAsync(admin.CreateNew(), chosen, readOnly: false, cancellationToken);
        page.Input = input;
        if (form["post"].LastOrDefault() != "yes")
        {
            input.Value = null;
            return BulkEditPage(page);
        }

        input.Value = input.Widget == WidgetKind.Checkbox ? (IsTicked(form[chosen.Name]) ? "true" : "false") : form[chosen.Name].LastOrDefault()?.Trim();
        FormValues.MarkSelected(input, input.Value);
        if (!TryConvert(chosen.Path, input, out var value)) return BulkEditPage(page);

        // One value on several rows breaks a unique column however the rows are checked one by one.
        if (selected.Count > 1 && Resolved.EntityType.GetIndexes().Any(i => i.IsUnique && i.Properties.Count == 1 && i.Properties[0].Name == chosen.Name))
        {
            input.Errors.Add($"{chosen.Path.DisplayName} is unique: one value cannot be set on {selected.Count} {admin.DisplayNamePlural}.");
            return BulkEditPage(page);
        }

        var changed = new List<T>();
        foreach (var obj in selected)
        {
            chosen.Path.Target.PropertyInfo!.SetValue(obj, value);
            var field = input.For(chosen.Name, input.Value);
            var rowFields = new Dictionary<string, FormFieldViewModel>(StringComparer.Ordinal) { [chosen.Name] = field };
            var rowForm = new ChangeFormViewModel
            {
                Admin = admin, Title = "", IsAdd = false, ReadOnly = false, Fieldsets = [new FieldsetViewModel(null, null, false, [field])],
                ChangeListUrl = "", PreservedFilters = "",
            };
            Validate(obj, rowForm, rowFields);
            if (!rowForm.HasErrors) await CheckUniqueAsync(obj, false, rowForm, rowFields, cancellationToken);
            foreach (var error in field.Errors.Concat(rowForm.NonFieldErrors)) page.RowErrors.Add($"{obj}: {error}");
            var entry = context.Db.Entry(obj);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) changed.Add(obj);
        }
        if (page.RowErrors.Count > 0) return BulkEditPage(page);

        foreach (var obj in changed)
            await admin.SaveModelAsync(new AdminSaveContext<T>(obj, false, context.Db, context.User) { Services = context.Http.RequestServices }, cancellationToken);
        await context.History.SaveWithHistoryAsync(context.Db, changed.Select(o => new HistoryRecord(context.Db.Entry(o), LogAction.Change)).ToList(),
            context.User.Id, cancellationToken);
        var noun = changed.Count == 1 ? admin.DisplayName : admin.DisplayNamePlural;
        messages.Add(new AdminMessage(AdminMessages.Success, $"{chosen.Path.DisplayName} was set on {changed.Count} {noun}."));
        return null;
    }

    private ViewResult BulkEditPage(BulkEditViewModel page) => new()
    {
        ViewName = "~/Areas/Admin/Views/ModelAdmin/BulkEdit.cshtml",
        StatusCode = page.RowErrors.Count > 0 || page.Input is { Errors.Count: > 0 } ? StatusCodes.Status400BadRequest : null,
        ViewData = new ViewDataDictionary<BulkEditViewModel>(context.Http.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
        {
            Model = page,
            [Controllers.AdminControllerBase.UserKey] = context.User,
        },
    };
}
