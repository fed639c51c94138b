namespace WebApp.Admin;

/// <summary>The admin's security log: refused lookups and refused attempts of the registrations' rules, with who and what.</summary>
internal sealed class AdminSecurityLog(ILoggerFactory loggers)
{
    public const string Category = "WebApp.Admin.Security";

    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void DisallowedLookup(AdminUser user, string model, string parameter, System.Net.IPAddress? remoteAddress) =>
        _log.LogWarning("Disallowed changelist lookup {Parameter} on {Model} by user {UserId} from {RemoteAddress}",
            parameter, model, user.Id, remoteAddress);

    public void Refused(AdminUser user, string target, AdminRefusal refusal) =>
        _log.LogWarning("Refused {Rule}: user {UserId} ({UserName}) on {Target}: {Message}",
            refusal.Rule, user.Id, user.Name, target, refusal.Message);
}
