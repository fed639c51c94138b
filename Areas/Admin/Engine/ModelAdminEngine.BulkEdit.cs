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

        var input = await FormFields.FieldAsync(admin.CreateNew(), chosen.Path, readOnly: false, cancellationToken);
        page.Input = input;
        if (form["post"].LastOrDefault() != "yes")
        {
            input.Value = null;
            return BulkEditPage(page);
        }

        // The value on its own first (its type, the related row it names): a bad one is said once, beside the input.
        await FormFields.BindAsync(admin.CreateNew(), chosen.Path, input, form[chosen.Name], cancellationToken);
        if (input.Errors.Count > 0) return BulkEditPage(page);

        // One value on several rows breaks a unique column however the rows are checked one by one.
        if (selected.Count > 1 && Resolved.EntityType.GetIndexes().Any(i => i.IsUnique && i.Properties.Count == 1 && i.Properties[0].Name == chosen.Name))
        {
            input.Errors.Add($"{chosen.Path.DisplayName} is unique: one value cannot be set on {selected.Count} {admin.DisplayNamePlural}.");
            return BulkEditPage(page);
        }

        var rows = selected.Select(obj => new ModelFormSet<T>.Row(obj, [new(chosen.Path, input.For(chosen.Name, input.Value), form[chosen.Name])])).ToList();
        if (await new ModelFormSet<T>(admin, context).SaveAsync(rows, cancellationToken) is not { } changed)
        {
            foreach (var row in rows)
                page.RowErrors.AddRange(row.Fields[0].View.Errors.Concat(row.NonFieldErrors).Select(error => $"{row.Object}: {error}"));
            return BulkEditPage(page);
        }
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
