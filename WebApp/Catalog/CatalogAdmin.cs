using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Data;
using WebApp.Data.Providers;

namespace WebApp.Catalog;

internal sealed class CategoryAdmin : ModelAdmin<Category>
{
    public CategoryAdmin() : base("catalog")
    {
        VerboseNamePlural = "categories";
        ListDisplay =
        [
            Column(c => c.Name),
            Column(c => c.Slug),
            Computed("Products", c => c.Products.Count, sortKey: c => c.Products.Count),
            Computed("In use", c => c.Products.Any(), boolean: true),
        ];
        SearchFields = ["Name", "^Slug"];
        Ordering = ["Name"];
        Fields = [c => c.Name, c => c.Slug, c => c.Description];
        PrepopulatedFields = [Prepopulate(c => c.Slug, c => c.Name)];
    }
}

internal sealed class ProductAdmin : ModelAdmin<Product>
{
    public ProductAdmin() : base("catalog")
    {
        ListDisplay =
        [
            Column(p => p.Name),
            Column(p => p.Sku),
            Column(p => p.Category!.Name, "Category"),
            Column(p => p.Price),
            Column(p => p.Stock),
            Column(p => p.IsActive),
        ];
        ListEditable = [p => p.Stock];
        ListFilter = [Filter(p => p.IsActive), Filter(p => p.Category), Filter(p => p.CreatedAt), new StockLevelFilter()];
        SearchFields = ["Name", "^Sku", "Category.Name"];
        Ordering = ["Name"];
        AutocompleteFields = [p => p.Category];
        DateHierarchy = p => p.CreatedAt;
        Fieldsets =
        [
            new(null, [p => p.Name, p => p.Slug, p => p.Sku, p => p.Category, p => p.Description]),
            new("Price and stock", [p => p.Price, p => p.Stock, p => p.IsActive]),
            new("Tags", [p => p.Tags]) { Description = "Hold Ctrl (⌘ on a Mac) to select more than one." },
            new("Dates", [p => p.CreatedAt, p => p.UpdatedAt]) { Collapsed = true },
        ];
        ReadonlyFields = [p => p.CreatedAt, p => p.UpdatedAt];
        ViewOnSite = p => $"/products/{p.Slug}";
        PrepopulatedFields = [Prepopulate(p => p.Slug, p => p.Name)];
        SaveAs = true;
        Inlines = [new ProductReviewInline()];
    }

    /// <summary>The product's images are edited on their own admin (catalog/productimage): a box links there.</summary>
    public override async Task<IReadOnlyList<ChangeFormPanel>> ChangeFormPanelsAsync(AdminObjectContext<Product> context, CancellationToken cancellationToken)
    {
        var product = context.Object;
        var count = await context.Db.Set<ProductImage>().CountAsync(i => i.ProductId == product.Id, cancellationToken);
        const string images = "/admin/catalog/productimage/";
        return
        [
            new("Images",
            [
                new(count == 1 ? "1 image ·" : $"{count} images ·", "See them", $"{images}?q={Uri.EscapeDataString("\"" + product.Sku + "\"")}"),
                new("", "Add an image", images + "add/"),
            ], []),
        ];
    }

    /// <summary>
    /// Candidates from the site's full-text index (a million products are not read one by one), then Django's match
    /// over the search fields as the definition. The index does not hold category names: a term found in one is left
    /// to that match alone.
    /// </summary>
    public override async Task<IQueryable<Product>> GetSearchResultsAsync(
        AdminSearchContext<Product> search, IQueryable<Product> query, CancellationToken cancellationToken)
    {
        var matches = search.MatchSearchFields(query);
        var db = (AppDbContext)search.Db;
        var provider = db.Provider();
        var indexed = new List<string>();
        foreach (var term in search.Terms)
        {
            if (!await db.Categories.AnyAsync(provider.TextMatching.ContainsInAny<Category>(term, c => c.Name), cancellationToken))
                indexed.Add(term);
        }
        return provider.ProductSearchIndex.CandidateIds(db, indexed) is { } ids ? matches.Where(p => ids.Contains(p.Id)) : matches;
    }
}

/// <summary>A product's reviews on its change page: moderate them there, or record one received by mail or phone.</summary>
internal sealed class ProductReviewInline : TabularInline<Product, Review>
{
    public ProductReviewInline()
    {
        Fields = [r => r.Title, r => r.Rating, r => r.Body, r => r.IsApproved, r => r.Author, r => r.CreatedAt];
        ReadonlyFields = [r => r.Author, r => r.CreatedAt];
        Extra = 1;
        ShowChangeLink = true;
    }

    /// <summary>A stored review is the customer's own words: only its approval changes here (as on its own page).</summary>
    public override IReadOnlyCollection<string> GetReadonlyFields(AdminUser user, Review? child) =>
        child is null ? [] : [nameof(Review.Title), nameof(Review.Rating), nameof(Review.Body)];

    /// <summary>A review recorded here is the staff member's, today: there is no author select over every user.</summary>
    public override Review CreateNew(AdminUser user) => new() { AuthorId = user.Id, CreatedAt = DateTime.UtcNow };

    // The review registration has no blank add form (customers write reviews on the site); on a product page staff with
    // catalog.add_review may still record one they received another way.
    public override bool HasAddPermission(AdminUser user, Product? parent) => user.Has("catalog.add_review");
}

/// <summary>A custom filter: products by how much stock is left.</summary>
internal sealed class StockLevelFilter : SimpleListFilter<Product>
{
    public const int LowStockThreshold = 5;

    public override string Title => "Stock level";

    public override string ParameterName => "stock";

    public override IReadOnlyList<(string Value, string Label)> Lookups() =>
        [("out", "Out of stock"), ("low", $"Low (under {LowStockThreshold})"), ("in", "In stock")];

    public override IQueryable<Product> Filter(IQueryable<Product> query, string value) => value switch
    {
        "out" => query.Where(p => p.Stock == 0),
        "low" => query.Where(p => p.Stock > 0 && p.Stock < LowStockThreshold),
        _ => query.Where(p => p.Stock > 0),
    };
}

internal sealed class TagAdmin : ModelAdmin<Tag>
{
    public TagAdmin() : base("catalog")
    {
        ListDisplay = [Column(t => t.Name), Column(t => t.Slug)];
        SearchFields = ["Name", "^Slug"];
        Ordering = ["Name"];
    }
}

internal sealed class ReviewAdmin : ModelAdmin<Review>
{
    private const int ExcerptLength = 80;

    public ReviewAdmin() : base("catalog")
    {
        ListDisplay =
        [
            Column(r => r.Title),
            Column(r => r.Product!.Name, "Product"),
            Column(r => r.Author!.Email, "Author"),
            Computed("Excerpt", r => r.Body.Length > ExcerptLength ? r.Body.Substring(0, ExcerptLength) + "…" : r.Body),
            Column(r => r.Rating),
            Computed("Status", r => r.IsApproved ? "Approved" : r.RejectedAt != null ? "Rejected" : "Pending"),
            Column(r => r.CreatedAt),
        ];
        ListFilter = [Filter(r => r.IsApproved), new ModerationFilter(), new RatingFilter()];
        SearchFields = ["Title", "Product.Name", "Author.Email"];
        Ordering = ["-CreatedAt"];
        AutocompleteFields = [r => r.Product, r => r.Author];
        // A review is the customer's own words about one product: moderators publish or reject it, never rewrite it.
        ReadonlyFields = [r => r.Product, r => r.Author, r => r.Rating, r => r.Title, r => r.Body, r => r.CreatedAt, r => r.RejectedAt];
        Actions =
        [
            Action("approve_selected", "Approve selected reviews", AdminOperation.Change, ApproveAsync),
            Action("reject_selected", "Reject selected reviews", AdminOperation.Change, RejectAsync),
        ];
    }

    /// <summary>Reviews are written by customers on the site, never from a blank admin form.</summary>
    public override bool HasAddPermission(AdminUser user) => false;

    /// <summary>Approving from the form takes a review out of the rejected ones, as the action does.</summary>
    public override Task SaveModelAsync(AdminSaveContext<Review> context, CancellationToken cancellationToken)
    {
        if (context.Object.IsApproved) context.Object.RejectedAt = null;
        return Task.CompletedTask;
    }

    private static async Task<Microsoft.AspNetCore.Mvc.IActionResult?> ApproveAsync(
        AdminActionContext<Review> context, IQueryable<Review> selected, CancellationToken cancellationToken)
    {
        var pending = await selected.Where(r => !r.IsApproved).ToListAsync(cancellationToken);
        foreach (var review in pending)
        {
            review.IsApproved = true;
            review.RejectedAt = null;
        }
        await context.SaveChangesAsync(pending, cancellationToken);
        context.Message(pending.Count == 1 ? "1 review was approved." : $"{pending.Count} reviews were approved.");
        return null;
    }

    private static async Task<Microsoft.AspNetCore.Mvc.IActionResult?> RejectAsync(
        AdminActionContext<Review> context, IQueryable<Review> selected, CancellationToken cancellationToken)
    {
        var notRejected = await selected.Where(r => r.IsApproved || r.RejectedAt == null).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var review in notRejected)
        {
            review.IsApproved = false;
            review.RejectedAt = now;
        }
        await context.SaveChangesAsync(notRejected, cancellationToken);
        context.Message(notRejected.Count == 1 ? "1 review was rejected." : $"{notRejected.Count} reviews were rejected.");
        return null;
    }
}

/// <summary>The moderation queue: reviews waiting for a decision, published ones and rejected ones.</summary>
internal sealed class ModerationFilter : SimpleListFilter<Review>
{
    public override string Title => "Moderation";

    public override string ParameterName => "moderation";

    public override IReadOnlyList<(string Value, string Label)> Lookups() =>
        [("pending", "Waiting"), ("approved", "Approved"), ("rejected", "Rejected")];

    public override IQueryable<Review> Filter(IQueryable<Review> query, string value) => value switch
    {
        "pending" => query.Where(r => !r.IsApproved && r.RejectedAt == null),
        "approved" => query.Where(r => r.IsApproved),
        _ => query.Where(r => !r.IsApproved && r.RejectedAt != null),
    };
}

/// <summary>Reviews by star rating (an int, which the built-in filters leave alone).</summary>
internal sealed class RatingFilter : SimpleListFilter<Review>
{
    public override string Title => "Rating";

    public override string ParameterName => "rating";

    public override IReadOnlyList<(string Value, string Label)> Lookups() =>
        [.. Enumerable.Range(1, 5).Select(stars => (stars.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('★', stars)))];

    public override IQueryable<Review> Filter(IQueryable<Review> query, string value)
    {
        var stars = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        return query.Where(r => r.Rating == stars);
    }
}
