using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Admin;
using WebApp.Catalog;
using WebApp.Tests.Admin;
using WebApp.Tests.Infrastructure;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Catalog;

/// <summary>Moderators publish or reject reviews in the admin; they never rewrite them.</summary>
public class ReviewModerationAdminTests : AdminTestBase
{
    private const string Reviews = "/admin/catalog/review/";

    private async Task<(Product Product, List<int> Ids)> ReviewsAsync(params bool[] approved)
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var ids = new List<int>();
        for (var i = 0; i < approved.Length; i++)
        {
            var author = await Factory.CreateUserAsync($"writer{i}@example.com");
            ids.Add((await Factory.AddReviewAsync(product.Id, author.Id, $"Review {i}", approved: approved[i])).Id);
        }
        return (product, ids);
    }

    private Task<HttpClient> ModeratorAsync() => StaffAsync("moderator@example.com", "catalog.view_review", "catalog.change_review");

    [Fact]
    public async Task Reject_selected_takes_published_and_waiting_reviews_off_the_site_and_out_of_the_queue()
    {
        var (product, ids) = await ReviewsAsync(true, false, false);
        var client = await ModeratorAsync();

        using var response = await client.PostWithTokenAsync(Reviews,
            [Field("action", "reject_selected"), Field("_selected_action", ids[0].ToString()), Field("_selected_action", ids[1].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await Factory.WithDbAsync(db => db.Reviews.OrderBy(r => r.Id).Select(r => new { r.IsApproved, r.RejectedAt }).ToListAsync());
        Assert.Equal([false, false, false], rows.Select(r => r.IsApproved));
        Assert.Equal([true, true, false], rows.Select(r => r.RejectedAt is not null));
        Assert.Contains("2 reviews were rejected.", Messages(await client.GetHtmlAsync(Reviews)));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Set<LogEntry>().CountAsync(e => e.ContentType == "catalog.review")));
        var waiting = await client.GetHtmlAsync(Reviews + "?moderation=pending");
        Assert.Equal(["Review 2"], FirstColumn(waiting));
        var rejected = await client.GetHtmlAsync(Reviews + "?moderation=rejected");
        Assert.Equal(["Review 0", "Review 1"], FirstColumn(rejected).Order());
        var productPage = await Factory.CreateBrowserClient().GetStringAsync($"/products/{product.Slug}");
        Assert.DoesNotContain("Review 0", productPage);
    }

    [Fact]
    public async Task Approving_a_rejected_review_publishes_it_again()
    {
        var (_, ids) = await ReviewsAsync(false);
        var client = await ModeratorAsync();
        using (await client.PostWithTokenAsync(Reviews, [Field("action", "reject_selected"), Field("_selected_action", ids[0].ToString())])) { }

        using (await client.PostWithTokenAsync(Reviews, [Field("action", "approve_selected"), Field("_selected_action", ids[0].ToString())])) { }

        var review = await Factory.WithDbAsync(db => db.Reviews.SingleAsync());
        Assert.True(review.IsApproved);
        Assert.Null(review.RejectedAt);
    }

    [Fact]
    public async Task The_list_shows_the_author_an_escaped_excerpt_and_the_status()
    {
        var category = await Factory.AddCategoryAsync("Shoes");
        var product = await Factory.AddProductAsync("Boot", category.Id);
        var author = await Factory.CreateUserAsync("writer@example.com");
        await Factory.WithDbAsync(async db =>
        {
            db.Reviews.Add(new Review
            {
                ProductId = product.Id, AuthorId = author.Id, Title = "Great", Rating = 5, CreatedAt = DateTime.UtcNow,
                Body = "<b>Bold</b> claims " + new string('x', 200),
            });
            await db.SaveChangesAsync();
        });
        var client = await ModeratorAsync();

        var page = await client.GetHtmlAsync(Reviews);

        var cells = page.QuerySelectorAll("#result_list tbody tr td").Select(Text).ToList();
        Assert.Contains("writer@example.com", cells);
        var excerpt = Assert.Single(cells, c => c.StartsWith("<b>Bold</b> claims", StringComparison.Ordinal));
        Assert.Equal(81, excerpt.Length);
        Assert.EndsWith("…", excerpt);
        Assert.Empty(page.QuerySelectorAll("#result_list b"));
        Assert.Contains("Pending", cells);
    }

    [Fact]
    public async Task A_moderator_cannot_rewrite_a_review_or_move_it_to_another_product()
    {
        var (product, ids) = await ReviewsAsync(false);
        var other = await Factory.AddProductAsync("Sandal", product.CategoryId);
        var client = await ModeratorAsync();
        var url = $"{Reviews}{ids[0]}/change/";
        var page = await client.GetHtmlAsync(url);

        Assert.Empty(page.QuerySelectorAll("#review_form [name=Title], #review_form [name=Body], #review_form [name=ProductId], #review_form [name=Rating]"));
        Assert.NotNull(page.QuerySelector("#review_form [name=IsApproved]"));
        var fields = page.FormValues("#review_form").With("Title", "Rewritten").With("Body", "Rewritten").With("ProductId", other.Id.ToString())
            .With("Rating", "1").With("IsApproved", "true");
        using (await client.PostAsync(url, new FormUrlEncodedContent(fields))) { }

        var review = await Factory.WithDbAsync(db => db.Reviews.SingleAsync());
        Assert.Equal(("Review 0", product.Id, 4, true), (review.Title, review.ProductId, review.Rating, review.IsApproved));
        Assert.StartsWith("Body of", review.Body);
    }
}
