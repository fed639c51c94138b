namespace WebApp.Admin;

/// <summary>
/// The admin's security log: refused lookups, missing permissions and refused attempts of the registrations' rules, with
/// who and what, as warnings in their own category with stable event ids (an audit trail beside the accounts' one).
/// </summary>
internal sealed class AdminSecurityLog(ILoggerFactory loggers)
{
    public const string Category = "WebApp.Admin.Security";

    public static readonly EventId DisallowedLookupEvent = new(5101, "DisallowedLookup");
    public static readonly EventId PermissionRefusedEvent = new(5102, "PermissionRefused");
    public static readonly EventId RuleRefusedEvent = new(5103, "RuleRefused");

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void DisallowedLookup(AdminUser user, string model, string parameter, System.Net.IPAddress? remoteAddress) =>
        _log.LogWarning(DisallowedLookupEvent, "Disallowed changelist lookup {Parameter} on {Model} by user {UserId} from {RemoteAddress}",
            parameter, model, user.Id, remoteAddress);

    public void PermissionRefused(AdminUser user, string request, System.Net.IPAddress? remoteAddress) =>
        _log.LogWarning(PermissionRefusedEvent, "Permission refused: user {UserId} ({UserName}) on {Request} from {RemoteAddress}",
            user.Id, user.Name, request, remoteAddress);

    public void Refused(AdminUser user, string target, AdminRefusal refusal) =>
        _log.LogWarning(RuleRefusedEvent, "Refused {Rule}: user {UserId} ({UserName}) on {Target}: {Message}",
            refusal.Rule, user.Id, user.Name, target, refusal.Message);
}
