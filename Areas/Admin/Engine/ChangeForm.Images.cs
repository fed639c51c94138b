using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>The change form's <see cref="ImageField{T}"/>s: required checks, then replace or clear.</summary>
internal sealed partial class ChangeForm<T>
{
    /// <summary>
    /// Checks every shown image field; once the whole form is valid, stores uploads and clears ticked fields. Returns the
    /// history's changes. A refused upload adds its message beside the field and changes nothing.
    /// </summary>
    private async Task<List<FieldChange>> BindImagesAsync(
        AdminObjectContext<T> objectContext, ChangeFormViewModel model, IReadOnlyDictionary<string, FormFieldViewModel> fields, IFormCollection form,
        CancellationToken cancellationToken)
    {
        var changes = new List<FieldChange>();
        var imageFields = FieldsetsFor(objectContext.IsNew ? null : objectContext.Object).SelectMany(f => f.ExtraFields).OfType<ImageField<T>>()
            .Where(f => fields.ContainsKey(f.Name)).ToList();
        var pending = new List<(ImageField<T> Field, IFormFile? Upload, bool Clear)>();
        foreach (var field in imageFields)
        {
            var view = fields[field.Name];
            var upload = form.Files.GetFile(field.Name) is { Length: > 0 } file ? file : null;
            var clear = !field.Required && FormValues.IsTicked(form[field.Name + "-clear"]);
            if (upload is not null && clear)
                view.Errors.Add("Please either choose a file or tick the clear box, not both.");
            else if (upload is null && field.Required && field.Current(objectContext.Object) is null)
                view.Errors.Add("This field is required.");
            else
                pending.Add((field, upload, clear));
        }
        if (model.HasErrors) return changes;

        foreach (var (field, upload, clear) in pending)
        {
            var before = field.Current(objectContext.Object)?.Name;
            if (upload is not null && await field.StoreAsync(objectContext, upload, cancellationToken) is { } refusal)
            {
                fields[field.Name].Errors.Add(refusal);
                continue;
            }
            if (clear) field.Clear(objectContext.Object);
            var after = field.Current(objectContext.Object)?.Name;
            fields[field.Name].Image = field.Current(objectContext.Object);
            if (before != after)
                changes.Add(new FieldChange(field.Name, field.Label, before ?? CellFormatting.Empty, after ?? CellFormatting.Empty));
        }
        return changes;
    }
}
