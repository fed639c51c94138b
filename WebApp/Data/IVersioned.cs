namespace WebApp.Data;

/// <summary>
/// An entity with an optimistic-concurrency token that the context replaces on every save (works on every provider).
/// Bulk updates that bypass the change tracker must set a new one too.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
