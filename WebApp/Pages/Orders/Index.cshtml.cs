using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Orders;

namespace WebApp.Pages.Orders;

[Authorize]
public sealed class IndexModel(CustomerOrders orders, UserManager<ApplicationUser> users) : PageModel
{
    public OrderPage Orders { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        Orders = await orders.ListAsync(users.GetUserId(User)!, page ?? 1, cancellationToken);
}
