namespace WebApp.Admin;

/// <summary>The history log in the admin: every staff member may read it; nobody adds, changes or deletes entries.</summary>
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

    public override bool HasViewPermission(AdminUser user) => true;

    public override bool HasAddPermission(AdminUser user) => false;

    public override bool HasChangePermission(AdminUser user) => false;

    public override bool HasDeletePermission(AdminUser user) => false;
}
