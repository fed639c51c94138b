using Microsoft.EntityFrameworkCore.Metadata;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

/// <summary>
/// Start-up checks of the change form's relations and editing options: inlines and prepopulated fields. Part of
/// <see cref="ModelAdminChecks{T}"/>: the prepopulated fields resolve into its runtime model, which only its Build keeps.
/// </summary>
internal sealed class ChangeFormChecks<T>(ModelAdmin<T> admin, IEntityType entityType) where T : class
{
    public IEnumerable<AdminCheckError> Run(ResolvedModelAdmin<T> resolved)
    {
        for (var i = 0; i < admin.Inlines.Count; i++)
        {
            foreach (var (option, message, id) in admin.Inlines[i].Check(entityType, admin))
                yield return Error(id, $"{nameof(admin.Inlines)}[{i}] ({admin.Inlines[i].GetType().Name}).{option}", message);
        }
        for (var i = 0; i < admin.PrepopulatedFields.Count; i++)
        {
            var field = admin.PrepopulatedFields[i];
            var option = $"{nameof(admin.PrepopulatedFields)}[{i}]";
            var target = ModelPath.TryResolve(entityType, field.Target, out var error);
            if (target is null || target.Navigations.Count > 0)
            {
                yield return Error("admin.E027", option, target is null ? $"{error}." : $"'{target.Name}' belongs to another model.");
                continue;
            }
            if (target.ClrType != typeof(string))
            {
                yield return Error("admin.E028", option, $"'{target.Name}' is not a text property; it is filled with text.");
                continue;
            }
            if (field.Sources.Count == 0)
            {
                yield return Error("admin.E029", option, "name at least one field to fill it from.");
                continue;
            }
            var sources = new List<string>();
            foreach (var source in field.Sources)
            {
                if (ModelPath.TryResolve(entityType, source, out var sourceError) is { Navigations.Count: 0, IsProperty: true } path) sources.Add(path.Name);
                else yield return Error("admin.E030", option, $"'{source}': {sourceError ?? "not a property of the model"}.");
            }
            resolved.Prepopulated[target.Name] = sources;
        }
    }

    private AdminCheckError Error(string id, string option, string message) => new(id, AdminChecks.Name(admin), option, message);
}
