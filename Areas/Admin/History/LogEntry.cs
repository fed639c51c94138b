using System.ComponentModel.DataAnnotations;

namespace WebApp.Admin;

/// <summary>One add, change or delete made through the admin (or another caller of <see cref="IAdminHistory"/>).</summary>
public class LogEntry
{
    public const int ObjectReprMaxLength = 200;

    public long Id { get; set; }

    [Display(Name = "Action time")]
    public DateTime ActionTime { get; set; }

    [Display(Name = "User")]
    public string? UserId { get; set; }

    /// <summary>Who it was, as text, so the entry still reads well after the user is gone.</summary>
    [Display(Name = "User name")]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    /// <summary>Django's content type: "app.model", e.g. "catalog.product".</summary>
    [Display(Name = "Content type")]
    [StringLength(100)]
    public string ContentType { get; set; } = "";

    [Display(Name = "Object ID")]
    [StringLength(100)]
    public string ObjectId { get; set; } = "";

    [Display(Name = "Object")]
    [StringLength(ObjectReprMaxLength)]
    public string ObjectRepr { get; set; } = "";

    public LogAction Action { get; set; }

    /// <summary>JSON: the fields that changed with their old and new values (secrets left out).</summary>
    [Display(Name = "Change message")]
    public string ChangeMessage { get; set; } = "";

    public override string ToString() => $"{Action} {ObjectRepr}";
}

public enum LogAction
{
    Add = 1,
    Change = 2,
    Delete = 3,
}
