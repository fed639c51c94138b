using System.ComponentModel.DataAnnotations;

namespace WebApp.Contact;

/// <summary>Section "Contact" of appsettings.json: who reads the contact form, and how often one address may send it.</summary>
public sealed class ContactOptions
{
    public const string SectionName = "Contact";

    [Required(ErrorMessage = "Contact:StaffEmail must be set: the contact form's messages go there.")]
    [EmailAddress(ErrorMessage = "Contact:StaffEmail must be an email address.")]
    public string StaffEmail { get; set; } = "";

    [Range(1, 1000)]
    public int PerAddressPermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
