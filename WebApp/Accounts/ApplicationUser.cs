using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace WebApp.Accounts;

/// <summary>A site user; IsStaff and IsSuperuser play the parts of Django's flags of the same names.</summary>
public class ApplicationUser : IdentityUser
{
    [StringLength(100), PersonalData]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Display(Name = "Active", Description = "Inactive users cannot log in or use the admin.")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Staff status", Description = "Staff may log in to the admin site.")]
    public bool IsStaff { get; set; }

    [Display(Name = "Superuser status", Description = "Superusers hold every permission without it being granted.")]
    public bool IsSuperuser { get; set; }

    /// <summary>Stamped when the object is made for a new account; EF overwrites it with the stored value when loading.</summary>
    [Display(Name = "Date joined"), PersonalData]
    public DateTime DateJoined { get; set; } = DateTime.UtcNow;

    [Display(Name = "Last login"), PersonalData]
    public DateTime? LastLogin { get; set; }

    public override string ToString() => Email ?? UserName ?? Id;
}
