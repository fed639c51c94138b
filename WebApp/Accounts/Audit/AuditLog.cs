using System.Net;

namespace WebApp.Accounts.Audit;

/// <summary>
/// The accounts' audit trail: sign-ins, refused sign-ins, lockouts, password and two-factor changes, as structured log
/// events in their own category (<see cref="Category"/>) with stable event ids, whatever the log's default level (the
/// category is at Information in appsettings.json). Each event names the account and the client address; in Production
/// the JSON log adds the request id. The admin's refusals are logged by the admin (category WebApp.Admin.Security).
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggers, IHttpContextAccessor http)
{
    public const string Category = "WebApp.Audit";

    public static readonly EventId SignedIn = new(5001, nameof(SignedIn));
    public static readonly EventId SignInFailed = new(5002, nameof(SignInFailed));
    public static readonly EventId LockedOut = new(5003, nameof(LockedOut));
    public static readonly EventId PasswordChanged = new(5004, nameof(PasswordChanged));
    public static readonly EventId TwoFactorChanged = new(5005, nameof(TwoFactorChanged));

    private readonly ILogger _log = loggers.CreateLogger(Category);

    private IPAddress? RemoteAddress => http.HttpContext?.Connection.RemoteIpAddress;

    /// <summary>The signed-in user who made a change to an account (themselves, or an admin), if any.</summary>
    private string? Actor => http.HttpContext?.User.Identity?.Name;

    public void RecordSignIn(ApplicationUser user, string method) => LogSignedIn(_log, user.Id, user.Email, method, RemoteAddress);

    /// <summary>A refused sign-in: <paramref name="account"/> is what was typed (an unknown email too) or the user's id.</summary>
    public void RecordSignInFailure(string? account, string method, string reason) =>
        LogSignInFailed(_log, account, method, reason, RemoteAddress);

    public void RecordLockout(string? account, string method) => LogLockedOut(_log, account, method, RemoteAddress);

    public void RecordPasswordChange(ApplicationUser user, string change) =>
        LogPasswordChanged(_log, user.Id, user.Email, change, Actor, RemoteAddress);

    public void RecordTwoFactorChange(ApplicationUser user, string change) =>
        LogTwoFactorChanged(_log, user.Id, user.Email, change, Actor, RemoteAddress);

    [LoggerMessage(EventId = 5001, EventName = nameof(SignedIn), Level = LogLevel.Information,
        Message = "Sign-in of user {UserId} ({Email}) by {Method} from {RemoteAddress}")]
    private static partial void LogSignedIn(ILogger logger, string userId, string? email, string method, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 5002, EventName = nameof(SignInFailed), Level = LogLevel.Warning,
        Message = "Refused sign-in of {Account} by {Method}: {Reason}, from {RemoteAddress}")]
    private static partial void LogSignInFailed(ILogger logger, string? account, string method, string reason, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 5003, EventName = nameof(LockedOut), Level = LogLevel.Warning,
        Message = "Sign-in of {Account} by {Method} refused: the account is locked out, from {RemoteAddress}")]
    private static partial void LogLockedOut(ILogger logger, string? account, string method, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 5004, EventName = nameof(PasswordChanged), Level = LogLevel.Information,
        Message = "Password of user {UserId} ({Email}) {Change} by {Actor} from {RemoteAddress}")]
    private static partial void LogPasswordChanged(
        ILogger logger, string userId, string? email, string change, string? actor, IPAddress? remoteAddress);

    [LoggerMessage(EventId = 5005, EventName = nameof(TwoFactorChanged), Level = LogLevel.Information,
        Message = "Two-factor sign-in of user {UserId} ({Email}): {Change} by {Actor} from {RemoteAddress}")]
    private static partial void LogTwoFactorChanged(
        ILogger logger, string userId, string? email, string change, string? actor, IPAddress? remoteAddress);
}
