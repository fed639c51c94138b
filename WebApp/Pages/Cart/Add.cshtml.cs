using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebApp.Cart;
using WebApp.Data;
using WebApp.Site;

namespace WebApp.Pages.Cart;

/// <summary>
/// POST /cart/add is where every "Add to cart" form posts; it redirects back with a message. GET shows the same form
/// for one product (a page to land on when following an add link).
/// </summary>
public sealed class AddModel(CartService carts, AppDbContext db) : PageModel
{
    public sealed record ProductToAdd(int Id, string Name, string Slug, decimal Price, int Stock);

    public ProductToAdd Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? productId, CancellationToken cancellationToken)
    {
        if (productId is null) return RedirectToPage("/Cart/Index");
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId && p.IsActive)
            .Select(p => new ProductToAdd(p.Id, p.Name, p.Slug, p.Price, p.Stock)).FirstOrDefaultAsync(cancellationToken);
        if (product is null) return NotFound();
        Product = product;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? productId, int? quantity, string? returnUrl, CancellationToken cancellationToken)
    {
        var change = productId is null ? CartChange.Refused("Sorry, that product is not available.")
            : quantity is null ? CartChange.Refused("Enter the quantity as a whole number, such as 1.")
            : await carts.AddAsync(HttpContext, productId.Value, quantity.Value, cancellationToken);
        Flash.Show(TempData, change.Succeeded, change.Message);
        return LocalRedirect(ReturnUrls.SafeOr(returnUrl, "/cart"));
    }
}
