using Microsoft.EntityFrameworkCore;
using WebApp.Admin;

namespace WebApp.Catalog;

/// <summary>Product images in the admin: the picture through the admin's image field, the product chosen by autocomplete (never a select of every product).</summary>
internal sealed class ProductImageAdmin : ModelAdmin<ProductImage>
{
    public ProductImageAdmin() : base("catalog")
    {
        ListDisplay =
        [
            Column(i => i.AltText),
            Column(i => i.Product!.Name, "Product"),
            Column(i => i.SortOrder),
            Column(i => i.IsPrimary),
        ];
        ListFilter = [Filter(i => i.IsPrimary)];
        SearchFields = ["AltText", "Product.Name", "=Product.Sku"];
        Ordering = ["ProductId", "SortOrder"];
        AutocompleteFields = [i => i.Product];
        Fieldsets =
        [
            new(null, [i => i.Product, i => i.AltText, i => i.SortOrder, i => i.IsPrimary]) { Extra = [new ProductImageFile { Required = true }] },
        ];
    }

    /// <summary>
    /// One primary image per product: a new primary takes the mark from the others, and a product's first image is its
    /// primary. Both are saved with this image, in its transaction.
    /// </summary>
    public override async Task SaveModelAsync(AdminSaveContext<ProductImage> context, CancellationToken cancellationToken)
    {
        var image = context.Object;
        var others = await context.Db.Set<ProductImage>()
            .Where(i => i.ProductId == image.ProductId && i.Id != image.Id)
            .ToListAsync(cancellationToken);
        if (image.IsPrimary)
        {
            foreach (var other in others.Where(o => o.IsPrimary)) other.IsPrimary = false;
        }
        else if (!others.Any(o => o.IsPrimary))
        {
            image.IsPrimary = true;
        }
    }
}
