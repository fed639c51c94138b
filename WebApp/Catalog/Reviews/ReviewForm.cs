using System.ComponentModel.DataAnnotations;

namespace WebApp.Catalog.Reviews;

/// <summary>What a customer writes in a review.</summary>
public sealed class ReviewForm
{
    [Required(ErrorMessage = "Choose a rating from 1 to 5 stars.")]
    [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5 stars.")]
    [Display(Name = "Rating")]
    public int? Rating { get; set; }

    [Required(ErrorMessage = "Give your review a title.")]
    [StringLength(200, ErrorMessage = "The title can have at most 200 characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Write your review.")]
    [StringLength(4000, ErrorMessage = "The review can have at most 4000 characters.")]
    [DataType(DataType.MultilineText)]
    [Display(Name = "Your review")]
    public string? Body { get; set; }
}

/// <summary>
/// The model of the _ReviewForm partial: the product's slug, and the form as last posted (for its errors) or, when the
/// author edits their review, as it is now.
/// </summary>
public sealed record ReviewFormView(string ProductSlug)
{
    public ReviewForm Form { get; init; } = new();

    /// <summary>Rewriting an existing review (posts to the Edit handler) rather than writing the first one.</summary>
    public bool Editing { get; init; }
}
