using Microsoft.EntityFrameworkCore;

namespace WebApp.Admin;

/// <summary>
/// What a registration's object hooks see (permission, clean, extra fields, panels): the object, the staff member, the
/// database and, on a POST, the form with the choices made in its <see cref="ChoicesField{T}"/>s.
/// </summary>
public sealed class AdminObjectContext<T> where T : class
{
    private readonly AdminRequestContext _request;
    private readonly Dictionary<string, (IReadOnlySet<string> Initial, IReadOnlySet<string> Chosen)> _choices = new(StringComparer.Ordinal);

    internal AdminObjectContext(T obj, bool isNew, AdminRequestContext request)
    {
        Object = obj;
        IsNew = isNew;
        _request = request;
    }

    public T Object { get; }

    public bool IsNew { get; }

    public AdminUser User => _request.User;

    public DbContext Db => _request.Db;

    public IServiceProvider Services => _request.Http.RequestServices;

    /// <summary>The POST being saved; null outside a save.</summary>
    public IFormCollection? Form { get; internal init; }

    /// <summary>Receives errors while a form is cleaned: the field's name (null for the form) and the message.</summary>
    internal Action<string?, string>? ErrorSink { get; init; }

    /// <summary>A choices field's values as the object had them before this POST.</summary>
    public IReadOnlySet<string> Initial(string field) => _choices.TryGetValue(field, out var c) ? c.Initial : new HashSet<string>();

    /// <summary>A choices field's values as posted (only values among its options get this far).</summary>
    public IReadOnlySet<string> Chosen(string field) => _choices.TryGetValue(field, out var c) ? c.Chosen : Initial(field);

    internal void SetChoices(string field, IReadOnlySet<string> initial, IReadOnlySet<string> chosen) => _choices[field] = (initial, chosen);

    /// <summary>A validation error beside <paramref name="field"/> (or above the form when null): nothing is saved.</summary>
    public void AddError(string? field, string message) =>
        (ErrorSink ?? throw new InvalidOperationException("Errors can only be added while a form is cleaned."))(field, message);

    /// <summary>A rule refused this change: the error is shown, nothing is saved, and the security log records who tried what.</summary>
    public void Refuse(AdminRefusal refusal, string? field = null)
    {
        AddError(field, refusal.Message);
        Services.GetRequiredService<AdminSecurityLog>().Refused(User, Object.ToString() ?? "", refusal);
    }
}
