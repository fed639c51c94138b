using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WebApp.Admin;

/// <summary>Every registration, found by scanning an assembly, checked against the EF model, looked up by label or type.</summary>
internal sealed class ModelAdminRegistry
{
    private readonly Dictionary<(string App, string Model), ModelAdmin> _byLabel = new();
    private readonly Dictionary<Type, ModelAdmin> _byType = new();

    public ModelAdminRegistry(IEnumerable<ModelAdmin> registrations, IModel model)
    {
        Registrations = registrations.OrderBy(r => r.AppLabel, StringComparer.Ordinal).ThenBy(r => r.ModelName, StringComparer.Ordinal).ToList();
        Model = model;
        var errors = AdminChecks.Run(Registrations, model).ToList();
        if (errors.Count > 0) throw new AdminConfigurationException(errors);
        foreach (var registration in Registrations)
        {
            _byLabel[(registration.AppLabel, registration.ModelName)] = registration;
            _byType[registration.ModelType] = registration;
            registration.Build(model, Registrations);
            registration.Bind(this);
        }
    }

    public IReadOnlyList<ModelAdmin> Registrations { get; }

    public IModel Model { get; }

    public ModelAdmin? Find(string app, string model) => _byLabel.GetValueOrDefault((app, model));

    public ModelAdmin? Find(Type modelType) => _byType.GetValueOrDefault(modelType);

    /// <summary>Every permission the admin knows: view/add/change/delete for each registered model.</summary>
    public IEnumerable<string> AllPermissions =>
        Registrations.SelectMany(r => Enum.GetValues<AdminOperation>().Select(r.PermissionName));

    /// <summary>Django's autodiscover: one instance of every concrete <see cref="ModelAdmin"/> in the assembly.</summary>
    public static IReadOnlyList<ModelAdmin> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(ModelAdmin).IsAssignableFrom(t))
            .Select(t => (ModelAdmin)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();
}

/// <summary>Thrown at start-up when a registration is broken: the message lists every problem with its check id.</summary>
public sealed class AdminConfigurationException(IReadOnlyList<AdminCheckError> errors)
    : Exception("The admin registrations have errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<AdminCheckError> Errors { get; } = errors;
}

/// <summary>One failed start-up check, named like Django's (<c>admin.E108</c>), the model and the option.</summary>
public sealed record AdminCheckError(string Id, string Registration, string Option, string Message)
{
    public override string ToString() => $"{Id} {Registration}: {Option}: {Message}";
}
