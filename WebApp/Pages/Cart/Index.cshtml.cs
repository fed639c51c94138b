using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebApp.Cart;
using WebApp.Site;

namespace WebApp.Pages.Cart;

public sealed class IndexModel(CartService carts) : PageModel
{
    public CartSummary Cart { get; private set; } = CartSummary.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cart = await carts.GetSummaryAsync(HttpContext, cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(int? productId, int? quantity, CancellationToken cancellationToken)
    {
        var change = productId is null ? CartChange.Refused("That product is not in your cart.")
            : quantity is null ? CartChange.Refused("Enter the quantity as a whole number, such as 2.")
            : await carts.UpdateAsync(HttpContext, productId.Value, quantity.Value, cancellationToken);
        Flash.Show(TempData, change.Succeeded, change.Message);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? productId, CancellationToken cancellationToken)
    {
        var change = productId is null ? CartChange.Refused("That product is not in your cart.")
            : await carts.RemoveAsync(HttpContext, productId.Value, cancellationToken);
        Flash.Show(TempData, change.Succeeded, change.Message);
        return RedirectToPage();
    }
}
