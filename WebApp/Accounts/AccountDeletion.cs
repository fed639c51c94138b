using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Api.Tokens;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Orders;

namespace WebApp.Accounts;

/// <summary>
/// Closes a customer's account, in one transaction. Their orders stay for the shop's books (number, lines, prices,
/// shipping and payment method, status history, dates, country: what accounting and tax need) with the name, address
/// and email replaced by placeholders and no link to the account; their reviews, API tokens and cart are deleted;
/// the admin history keeps what was done but no longer says by whom or holds their values. Nothing changes if any step fails.
/// </summary>
internal sealed class AccountDeletion(
    AppDbContext db, UserManager<ApplicationUser> users, ModelAdminRegistry admins, IAdminHistory history, TimeProvider time)
{
    public const string PlaceholderName = "Deleted customer";
    public const string PlaceholderEmail = "deleted-customer@example.invalid";
    public const string PlaceholderAddress = "(removed)";

    // The order fields that held the customer's personal data (their old values must leave the admin history too).
    private static readonly HashSet<string> PersonalOrderFields =
    [
        nameof(Order.Customer), nameof(Order.CustomerId), nameof(Order.ContactEmail), nameof(Order.ShippingName),
        nameof(Order.ShippingAddressLine1), nameof(Order.ShippingAddressLine2), nameof(Order.ShippingCity),
        nameof(Order.ShippingPostalCode),
    ];

    public async Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var orderIds = await db.Orders.Where(o => o.CustomerId == user.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        await db.Orders.Where(o => o.CustomerId == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.CustomerId, (string?)null)
            .SetProperty(o => o.ContactEmail, PlaceholderEmail)
            .SetProperty(o => o.ShippingName, PlaceholderName)
            .SetProperty(o => o.ShippingAddressLine1, PlaceholderAddress)
            .SetProperty(o => o.ShippingAddressLine2, (string?)null)
            .SetProperty(o => o.ShippingCity, PlaceholderAddress)
            .SetProperty(o => o.ShippingPostalCode, PlaceholderAddress)
            .SetProperty(o => o.Version, Guid.NewGuid())
            .SetProperty(o => o.UpdatedAt, now), cancellationToken);

        // Reviews are their own words under their name: they go (product ratings are computed from what is left).
        await db.Set<Review>().Where(r => r.AuthorId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ApiToken>().Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await ForgetInAdminHistoryAsync(user, orderIds, cancellationToken);

        // Identity's own rows (claims, logins, tokens, roles) and the cart go with the user by cascade.
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) return deleted;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task ForgetInAdminHistoryAsync(ApplicationUser user, List<int> orderIds, CancellationToken cancellationToken)
    {
        var entries = db.Set<LogEntry>();
        await entries.Where(e => e.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (string?)null).SetProperty(e => e.UserName, PlaceholderName), cancellationToken);
        if (admins.Find(typeof(ApplicationUser)) is { } userAdmin)
            await entries.Where(e => e.ContentType == userAdmin.ContentType && e.ObjectId == user.Id).ExecuteDeleteAsync(cancellationToken);

        if (orderIds.Count == 0 || admins.Find(typeof(Order)) is not { } orderAdmin) return;
        var orderKeys = orderIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var orderEntries = await entries.Where(e => e.ContentType == orderAdmin.ContentType && orderKeys.Contains(e.ObjectId))
            .ToListAsync(cancellationToken);
        // An entry that recorded a personal value (a staff edit of the address) keeps its action and time, not its fields.
        foreach (var entry in orderEntries.Where(e => history.ReadChanges(e).Any(change => PersonalOrderFields.Contains(change.Field))))
            entry.ChangeMessage = "";
        await db.SaveChangesAsync(cancellationToken);
    }
}
