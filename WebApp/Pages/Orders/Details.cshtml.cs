using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Accounts;
using WebApp.Cart;
using WebApp.Orders;
using WebApp.Site;

namespace WebApp.Pages.Orders;

/// <summary>One of the customer's orders. Another customer's order number is simply not found.</summary>
[Authorize]
public sealed class DetailsModel(CustomerOrders orders, OrderWorkflow workflow, UserManager<ApplicationUser> users) : PageModel
{
    public OrderDetailsView Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(users.GetUserId(User)!, number, cancellationToken);
        if (order is null) return NotFound();
        Order = order;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string number, Guid? version, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsWellFormed(number)) return NotFound();
        var result = await workflow.CancelForCustomerAsync(number, users.GetUserId(User)!, version ?? Guid.Empty, cancellationToken);
        if (result == OrderStatusChangeResult.OrderNotFound) return NotFound();
        Flash.Show(TempData, result.Succeeded, result.Message);
        return RedirectToPage(new { number });
    }
}
