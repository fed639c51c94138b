using System.ComponentModel.DataAnnotations;

namespace WebApp.Mail;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change it tells about, so that it is sent
/// if and only if that change was committed.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    [Required, StringLength(256)]
    public string To { get; set; } = "";

    [Required, StringLength(300)]
    public string Subject { get; set; } = "";

    [Required]
    [Display(Name = "HTML body")]
    public string HtmlBody { get; set; } = "";

    [Display(Name = "Created")]
    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    [Display(Name = "Next attempt at")]
    public DateTime NextAttemptAt { get; set; }

    [Display(Name = "Sent at")]
    public DateTime? SentAt { get; set; }

    [StringLength(2000)]
    [Display(Name = "Last error")]
    public string? LastError { get; set; }

    /// <summary>The dispatcher that is delivering it now; with LockedUntil, a lease that lapses if that process dies.</summary>
    [StringLength(100)]
    [Display(Name = "Locked by")]
    public string? LockedBy { get; set; }

    [Display(Name = "Locked until")]
    public DateTime? LockedUntil { get; set; }

    public static OutboxMessage For(EmailMessage email, DateTime now) => new()
    {
        To = email.To,
        Subject = email.Subject,
        HtmlBody = email.HtmlBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public override string ToString() => $"{Subject} → {To}";
}
