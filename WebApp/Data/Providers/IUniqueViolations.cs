using Microsoft.EntityFrameworkCore;

namespace WebApp.Data.Providers;

/// <summary>Recognises a save refused by a unique index, from the engine's error code rather than its message text.</summary>
internal interface IUniqueViolations
{
    /// <summary>The violated index, or null when <paramref name="exception"/> is not a unique violation on this engine.</summary>
    UniqueViolation? Find(DbUpdateException exception);
}
