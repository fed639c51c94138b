using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WebApp.Accounts;

/// <summary>The fields the account pages share: an address under <see cref="EmailAddressRule"/>, and a new password.</summary>
public class AccountEmailInput
{
    [Required]
    [StringLength(EmailAddressRule.MaxLength)]
    [DeliverableEmail]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}

/// <summary>An address and a new password typed twice (registration, reset).</summary>
public class NewPasswordInput : AccountEmailInput
{
    [Required]
    [StringLength(100, ErrorMessage = "The {0} must be at least {2} and at max {1} characters long.", MinimumLength = 8)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The password and confirmation password do not match.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>
    /// Identity's password rules, as model errors, checked before any account is looked up so that the answer is the
    /// same for every address.
    /// </summary>
    public async Task CheckPasswordRulesAsync(UserManager<ApplicationUser> users, ModelStateDictionary modelState)
    {
        var user = new ApplicationUser { UserName = Email, Email = Email };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Password);
            foreach (var error in check.Errors) modelState.AddModelError(string.Empty, error.Description);
        }
    }
}
