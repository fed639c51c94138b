namespace WebApp.Accounts;

/// <summary>
/// The roles (Django's groups) the shop's staff work with, each holding exactly the model permissions its job needs.
/// Demo data creates them; production admins can create them from the same list.
/// </summary>
public static class StaffRoles
{
    public sealed record StaffRole(string Name, IReadOnlyList<string> Permissions);

    /// <summary>Moves orders through their statuses (Pending → Paid → Shipped → Delivered, or Cancelled).</summary>
    public static readonly StaffRole Fulfilment = new("Fulfilment",
        ["orders.view_order", "orders.change_order", "orders.view_orderline"]);

    /// <summary>Approves customers' reviews.</summary>
    public static readonly StaffRole ReviewModeration = new("Review moderation",
        ["catalog.view_review", "catalog.change_review"]);

    public static IReadOnlyList<StaffRole> All { get; } = [Fulfilment, ReviewModeration];
}
