using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Contact;
using WebApp.Data;
using WebApp.Mail;

namespace WebApp.Pages.Contact;

/// <summary>
/// The contact form: the message goes to staff through the mail outbox. A filled honeypot field (hidden from people,
/// filled by bots) shows the thank-you page and sends nothing; posts per address are limited by <see cref="ContactRateLimit"/>.
/// </summary>
public sealed class IndexModel(AppDbContext db, IOptions<ContactOptions> options, TimeProvider time) : PageModel
{
    public sealed class ContactInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(100, ErrorMessage = "Your name can be at most 100 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address, so that we can answer.")]
        [DeliverableEmail]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your message.")]
        [StringLength(4000, MinimumLength = 2, ErrorMessage = "Your message must be 2 to 4,000 characters.")]
        public string Message { get; set; } = "";

        /// <summary>The honeypot: hidden from people, so anything in it came from a bot.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Website)) return RedirectToPage("Thanks");
        if (!ModelState.IsValid) return Page();

        var mail = ContactMessage.ToStaff(options.Value.StaffEmail, Input.Name.Trim(), Input.Email.Trim(), Input.Message.Trim());
        db.Set<OutboxMessage>().Add(OutboxMessage.For(mail, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Thanks");
    }
}
