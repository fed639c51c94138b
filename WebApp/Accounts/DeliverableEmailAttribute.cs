using System.ComponentModel.DataAnnotations;

namespace WebApp.Accounts;

/// <summary>
/// <see cref="EmailAddressRule"/> as a validation attribute, for every form that takes an address: registration, change
/// of email, checkout and the admin's user form. Empty values pass (pair it with <c>[Required]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute : ValidationAttribute
{
    public DeliverableEmailAttribute() : base(EmailAddressRule.Message)
    {
    }

    public override bool IsValid(object? value) =>
        value is null || value is string { Length: 0 } || (value is string text && EmailAddressRule.IsValid(text));
}
