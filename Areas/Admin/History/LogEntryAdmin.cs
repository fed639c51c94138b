namespace WebApp.Admin;

/// <summary>
/// The whole history log in the admin: it holds old and new values of every model, so reading it needs
/// <c>admin.view_logentry</c> (or superuser); nobody adds, changes or deletes entries. An object's own history page
/// needs only view permission on that object.
/// </summary>
internal sealed class LogEntryAdmin : ModelAdmin<LogEntry>
{
    public LogEntryAdmin() : base("admin")
    {
        VerboseName = "log entry";
        VerboseNamePlural = "log entries";
        ListDisplay =
        [
            Column(e => e.ActionTime),
            Column(e => e.UserName, "User"),
            Column(e => e.ContentType),
            Column(e => e.ObjectRepr),
            Column(e => e.Action),
        ];
        ListFilter = [Filter(e => e.ActionTime), Filter(e => e.Action)];
        SearchFields = ["ObjectRepr", "UserName", "=ContentType", "=ObjectId"];
        Ordering = ["-ActionTime"];
        ActionsEnabled = false;
    }

    public override bool HasAddPermission(AdminUser user) => false;

    public override bool HasChangePermission(AdminUser user) => false;

    public override bool HasDeletePermission(AdminUser user) => false;
}
