using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Catalog.Reviews;

public sealed record ReviewableProduct(int Id, string Name, string Slug);

/// <summary>A customer's review of a product, as they see it while it waits for (or after) moderation.</summary>
public sealed record OwnReview(int Rating, string Title, string Body, bool IsApproved, DateTime CreatedAt);

public sealed record ReviewSubmissionResult(bool Succeeded, string Message);

/// <summary>
/// Customers review a product once; a review waits for a moderator (IsApproved false) before the shop shows it.
/// </summary>
public sealed class ReviewSubmission(AppDbContext db, TimeProvider time, ILogger<ReviewSubmission> logger)
{
    public const string AwaitingModeration =
        "Thank you! Your review has been received and will appear once a moderator has approved it.";

    public const string UpdatedAwaitingModeration =
        "Your review has been updated. It will appear again once a moderator has approved the new text.";

    public Task<ReviewableProduct?> FindProductAsync(string slug, CancellationToken cancellationToken) =>
        db.Products.Where(p => p.Slug == slug && p.IsActive)
            .Select(p => new ReviewableProduct(p.Id, p.Name, p.Slug))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<OwnReview?> FindOwnReviewAsync(int productId, string authorId, CancellationToken cancellationToken) =>
        db.Reviews.Where(r => r.ProductId == productId && r.AuthorId == authorId)
            .Select(r => new OwnReview(r.Rating, r.Title, r.Body, r.IsApproved, r.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ReviewSubmissionResult> SubmitAsync(
        ReviewableProduct product, string authorId, ReviewForm form, CancellationToken cancellationToken)
    {
        var alreadyReviewed = new ReviewSubmissionResult(false,
            $"You have already reviewed {product.Name}. Each customer can review a product once.");
        if (await db.Reviews.AnyAsync(r => r.ProductId == product.Id && r.AuthorId == authorId, cancellationToken))
            return alreadyReviewed;

        db.Reviews.Add(new Review
        {
            ProductId = product.Id,
            AuthorId = authorId,
            Rating = form.Rating!.Value,
            Title = form.Title!.Trim(),
            Body = form.Body!.Trim(),
            IsApproved = false,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // A double submit: the unique index on (ProductId, AuthorId) let only the first one in.
            db.ChangeTracker.Clear();
            if (!await db.Reviews.AnyAsync(r => r.ProductId == product.Id && r.AuthorId == authorId, cancellationToken)) throw;
            logger.LogInformation(exception, "Second review of product {ProductId} by {AuthorId} refused by the unique index", product.Id, authorId);
            return alreadyReviewed;
        }
        return new ReviewSubmissionResult(true, AwaitingModeration);
    }

    /// <summary>The author rewrites their review; the new text is moderated again before the shop shows it.</summary>
    public async Task<ReviewSubmissionResult> UpdateAsync(
        ReviewableProduct product, string authorId, ReviewForm form, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.ProductId == product.Id && r.AuthorId == authorId, cancellationToken);
        if (review is null)
            return new ReviewSubmissionResult(false, $"You have not reviewed {product.Name} yet, or your review was removed.");

        review.Rating = form.Rating!.Value;
        review.Title = form.Title!.Trim();
        review.Body = form.Body!.Trim();
        review.IsApproved = false;
        await db.SaveChangesAsync(cancellationToken);
        return new ReviewSubmissionResult(true, UpdatedAwaitingModeration);
    }
}
