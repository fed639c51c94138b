using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebApp.Api.Tokens;
using WebApp.Catalog;
using WebApp.Data;

namespace WebApp.Accounts;

/// <summary>
/// Everything the shop holds about a user, as the JSON file of "Download personal data": the account's personal fields
/// (Identity's [PersonalData] properties, external logins, authenticator key, as the stock page gives), their orders with
/// lines, their reviews, and their API tokens by name and dates (never a secret or its hash).
/// </summary>
internal sealed class PersonalDataExport(AppDbContext db, UserManager<ApplicationUser> users)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> ToJsonAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var account = new Dictionary<string, string?>();
        foreach (var property in typeof(ApplicationUser).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute))))
            account[property.Name] = Format(property.GetValue(user));
        foreach (var login in await users.GetLoginsAsync(user))
            account[$"{login.LoginProvider} external login provider key"] = login.ProviderKey;
        account["Authenticator Key"] = await users.GetAuthenticatorKeyAsync(user);

        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == user.Id).OrderBy(o => o.CreatedAt)
            .Select(o => new
            {
                o.Number,
                Status = o.Status.ToString(),
                o.CreatedAt,
                o.ContactEmail,
                Shipping = new
                {
                    Name = o.ShippingName, AddressLine1 = o.ShippingAddressLine1, AddressLine2 = o.ShippingAddressLine2,
                    City = o.ShippingCity, PostalCode = o.ShippingPostalCode, Country = o.ShippingCountry,
                    Method = o.ShippingMethod, Cost = o.ShippingCost,
                },
                o.PaymentMethod,
                o.Subtotal,
                o.Total,
                Lines = o.Lines.OrderBy(l => l.Id)
                    .Select(l => new { l.ProductName, l.ProductSku, l.UnitPrice, l.Quantity, LineTotal = l.UnitPrice * l.Quantity }).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);

        var reviews = await db.Set<Review>().AsNoTracking().Where(r => r.AuthorId == user.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                Product = r.Product!.Name, r.Rating, r.Title, r.Body, r.CreatedAt,
                Status = r.IsApproved ? "Published" : r.RejectedAt != null ? "Rejected" : "Waiting for moderation",
            })
            .ToListAsync(cancellationToken);

        var apiTokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt })
            .ToListAsync(cancellationToken);

        return JsonSerializer.SerializeToUtf8Bytes(new { Account = account, Orders = orders, Reviews = reviews, ApiTokens = apiTokens }, Json);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
