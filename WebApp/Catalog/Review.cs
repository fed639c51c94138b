using System.ComponentModel.DataAnnotations;
using WebApp.Accounts;

namespace WebApp.Catalog;

public class Review
{
    public int Id { get; set; }

    [Display(Name = "Product")]
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    [Required]
    [Display(Name = "Author")]
    public string AuthorId { get; set; } = "";
    public ApplicationUser? Author { get; set; }

    [Range(1, 5, ErrorMessage = "Rating must be between 1 and 5.")]
    public int Rating { get; set; }

    [Required, StringLength(200)]
    public string Title { get; set; } = "";

    [Required, StringLength(4000)]
    [DataType(DataType.MultilineText)]
    public string Body { get; set; } = "";

    [Display(Name = "Approved", Description = "Only approved reviews are shown on the site.")]
    public bool IsApproved { get; set; }

    /// <summary>When a moderator turned it down: it stays off the site and out of the queue of reviews to moderate.</summary>
    [Display(Name = "Rejected")]
    public DateTime? RejectedAt { get; set; }

    [Display(Name = "Created")]
    public DateTime CreatedAt { get; set; }

    public override string ToString() => Title;
}
