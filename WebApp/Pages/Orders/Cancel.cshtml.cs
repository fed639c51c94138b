using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Orders;

namespace WebApp.Pages.Orders;

/// <summary>
/// "Cancel order?": the question asked before an order is cancelled, so that a slip of the finger does not undo a
/// purchase. Its form posts to the order page's Cancel handler, which does the work.
/// </summary>
[Authorize]
public sealed class CancelModel(CustomerOrders orders, UserManager<ApplicationUser> users) : PageModel
{
    public OrderDetailsView Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(users.GetUserId(User)!, number, cancellationToken);
        if (order is null) return NotFound();
        Order = order;
        return Page();
    }
}
