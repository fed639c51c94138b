namespace WebApp.Admin;

/// <summary>Site-wide admin settings (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// A changelist counts its rows exactly up to this many; past it the count is the database's estimate (or "more
    /// than …" when filtered) with a link to the exact count, so a big table is never counted on every request.
    /// </summary>
    public int ExactCountLimit { get; set; } = 10_000;
}
