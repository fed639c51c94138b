using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Orders;

namespace WebApp.Pages.Orders;

[Authorize]
public sealed class IndexModel(CustomerOrders orders, UserManager<ApplicationUser> users) : PageModel
{
    public OrderPage Orders { get; private set; } = new([], 1, 1, 0);

    // "page" is also Razor Pages' own route value (the page's name), so the query string is read explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken) =>
        Orders = await orders.ListAsync(users.GetUserId(User)!, pageNumber ?? 1, cancellationToken);
}
