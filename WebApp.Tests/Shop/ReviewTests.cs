using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using WebApp.Catalog.Reviews;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class ReviewTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    [Fact]
    public async Task Writing_a_review_asks_visitors_to_log_in()
    {
        var product = await factory.CreateProductAsync();

        using var response = await factory.CreateShopClient().GetAsync($"/products/{product.Slug}/review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_review_waits_for_moderation_and_the_page_says_so()
    {
        var (client, customer) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();

        var page = await SubmitAsync(client, product.Slug, "4", "Sturdy", "Survived the dishwasher.");

        Assert.Equal(ReviewSubmission.AwaitingModeration, page.StatusMessage());
        Assert.Equal("Waiting for moderation", page.QuerySelector(".review-state")!.TextContent);
        Assert.Equal("Sturdy", page.QuerySelector(".review-title")!.TextContent);
        Assert.Null(page.QuerySelector("form.review-form"));
        var review = await factory.WithDbAsync(db => db.Reviews.SingleAsync(r => r.ProductId == product.Id));
        Assert.Equal((customer.Id, 4, "Sturdy", "Survived the dishwasher.", false),
            (review.AuthorId, review.Rating, review.Title, review.Body, review.IsApproved));

        await factory.WithDbAsync(async db =>
        {
            (await db.Reviews.SingleAsync(r => r.Id == review.Id)).IsApproved = true;
            await db.SaveChangesAsync();
        });
        Assert.Equal("Published", (await client.GetHtmlAsync($"/products/{product.Slug}/review")).QuerySelector(".review-state")!.TextContent);
    }

    [Fact]
    public async Task A_customer_reviews_a_product_only_once()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();
        await SubmitAsync(client, product.Slug, "5", "First", "My first thoughts.");
        Assert.Null((await client.GetHtmlAsync($"/products/{product.Slug}/review")).QuerySelector("form.review-form"));

        // A second form (another tab opened before the first review) still posts: the token comes from another page.
        var token = (await client.GetHtmlAsync(await factory.FormPageAsync())).AntiforgeryToken();
        using var second = await client.PostAsync($"/products/{product.Slug}/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Rating"] = "1",
            ["Form.Title"] = "Second",
            ["Form.Body"] = "Changed my mind.",
            ["__RequestVerificationToken"] = token,
        }));
        var page = await client.FollowAsync(second);

        Assert.Equal($"You have already reviewed {product.Name}. Each customer can review a product once.", page.StatusMessage());
        var review = Assert.Single(await factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == product.Id).ToListAsync()));
        Assert.Equal(("First", 5), (review.Title, review.Rating));
    }

    [Theory]
    [InlineData(false, "Waiting for moderation")]
    [InlineData(true, "Published")]
    public async Task A_customer_who_reviewed_a_product_sees_their_review_on_its_page_instead_of_the_form(bool approved, string state)
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();
        await SubmitAsync(client, product.Slug, "4", "Solid", "Does the job.");
        if (approved)
            await factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == product.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.IsApproved, true)));

        var page = await client.GetHtmlAsync($"/products/{product.Slug}");

        Assert.Null(page.QuerySelector("form.review-form"));
        var own = page.QuerySelector(".own-review")!;
        Assert.Equal(state, own.QuerySelector(".review-state")!.TextContent);
        Assert.Equal("Solid", own.QuerySelector(".review-title")!.TextContent);
        Assert.Equal($"/products/{product.Slug}/review?edit=true", own.QuerySelector("a.edit-review")!.GetAttribute("href"));
        // Another customer still gets the form.
        var (other, _) = await factory.LoggedInCustomerAsync();
        Assert.NotNull((await other.GetHtmlAsync($"/products/{product.Slug}")).QuerySelector("form.review-form"));
    }

    [Fact]
    public async Task A_customer_edits_their_review_and_it_is_moderated_again()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();
        await SubmitAsync(client, product.Slug, "2", "Wobbly", "One leg is short.");
        await factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == product.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.IsApproved, true)));

        var form = await client.GetHtmlAsync($"/products/{product.Slug}/review?edit=true");
        Assert.Equal("Wobbly", form.QuerySelector("form.review-form input[name='Form.Title']")!.GetAttribute("value"));
        Assert.Equal("One leg is short.", form.QuerySelector("form.review-form textarea")!.TextContent.Trim());
        using var saved = await client.PostWithTokenAsync($"/products/{product.Slug}/review?edit=true", $"/products/{product.Slug}/review?handler=Edit",
        [
            HtmlForms.Field("Form.Rating", "4"),
            HtmlForms.Field("Form.Title", "Fixed"),
            HtmlForms.Field("Form.Body", "The shop sent a new leg."),
        ]);
        var page = await client.FollowAsync(saved);

        Assert.Equal(ReviewSubmission.UpdatedAwaitingModeration, page.StatusMessage());
        Assert.Equal("Fixed", page.QuerySelector(".own-review .review-title")!.TextContent);
        var review = Assert.Single(await factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == product.Id).ToListAsync()));
        Assert.Equal((4, "Fixed", "The shop sent a new leg.", false), (review.Rating, review.Title, review.Body, review.IsApproved));
    }

    [Fact]
    public async Task Markup_in_a_review_is_shown_as_text()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();
        const string title = "<script>alert('title')</script>";
        const string body = "<b>bold</b> <img src=x onerror=alert(1)>";

        var page = await SubmitAsync(client, product.Slug, "3", title, body);

        var review = page.QuerySelector(".own-review")!;
        Assert.Equal(title, review.QuerySelector(".review-title")!.TextContent);
        Assert.Equal(body, review.QuerySelector(".review-body")!.TextContent);
        Assert.Empty(review.QuerySelectorAll("script, b, img"));
    }

    [Theory]
    [InlineData("", "Title", "Body", "Form.Rating", "Choose a rating from 1 to 5 stars.")]
    [InlineData("0", "Title", "Body", "Form.Rating", "Choose a rating from 1 to 5 stars.")]
    [InlineData("6", "Title", "Body", "Form.Rating", "Choose a rating from 1 to 5 stars.")]
    [InlineData("4", "", "Body", "Form.Title", "Give your review a title.")]
    [InlineData("4", "Title", " ", "Form.Body", "Write your review.")]
    public async Task An_incomplete_review_says_what_is_missing_and_saves_nothing(
        string rating, string title, string body, string field, string message)
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var product = await factory.CreateProductAsync();

        using var response = await PostAsync(client, product.Slug, rating, title, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Reviews.AnyAsync(r => r.ProductId == product.Id)));
    }

    [Fact]
    public async Task Unknown_and_inactive_products_cannot_be_reviewed()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        var inactive = await factory.CreateProductAsync(isActive: false);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/products/no-such-product/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/products/{inactive.Slug}/review")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string slug, string rating, string title, string body) =>
        await client.PostFormAsync($"/products/{slug}/review", new Dictionary<string, string>
        {
            ["Form.Rating"] = rating,
            ["Form.Title"] = title,
            ["Form.Body"] = body,
        }, formSelector: "form.review-form");

    private static async Task<IHtmlDocument> SubmitAsync(HttpClient client, string slug, string rating, string title, string body)
    {
        using var response = await PostAsync(client, slug, rating, title, body);
        Assert.Equal($"/products/{slug}/review", response.Headers.Location?.OriginalString);
        return await client.FollowAsync(response);
    }
}
