using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Tests.Admin;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Accounts.Admin;

/// <summary>The user and role admin's pages, the database behind them and the security log.</summary>
public abstract class AccountsAdminTestBase : AdminTestBase
{
    protected const string Users = "/admin/accounts/user/";
    protected const string Roles = "/admin/accounts/role/";

    protected Task<ApplicationUser> UserAsync(string email) =>
        Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    protected static string Change(ApplicationUser user) => $"{Users}{user.Id}/change/";

    protected static string Change(IdentityRole role) => $"{Roles}{role.Id}/change/";

    /// <summary>The change form's fields as the browser would post them, with changes applied.</summary>
    protected static async Task<HttpResponseMessage> PostChangeFormAsync(
        HttpClient client, string url, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>>? change = null)
    {
        var page = await client.GetHtmlAsync(url);
        var values = page.FormValues("form.admin-change-form");
        values = change?.Invoke(values) ?? values;
        values.Add(new("_save", "1"));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>The value of the option labelled <paramref name="label"/> in the select named <paramref name="name"/>.</summary>
    protected static string OptionValue(IHtmlDocument page, string name, string label) =>
        page.QuerySelectorAll($"select[name={name}] option").Single(o => o.TextContent.Trim() == label).GetAttribute("value")!;

    protected static List<string> Chosen(IHtmlDocument page, string name) =>
        page.QuerySelectorAll($"select[name={name}] option").Where(o => o.HasAttribute("selected")).Select(o => o.TextContent.Trim()).ToList();

    protected Task<List<string>> DirectPermissionsAsync(string email) => Factory.WithDbAsync(db =>
        db.UserClaims.Where(c => c.ClaimType == "permission" && db.Users.Any(u => u.Id == c.UserId && u.Email == email))
            .Select(c => c.ClaimValue!).OrderBy(v => v).ToListAsync());

    protected Task<List<string>> RoleNamesOfAsync(string email) => Factory.WithDbAsync(db =>
        db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync());

    /// <summary>The security log's refusals of one rule.</summary>
    protected List<string> Refusals(string rule) =>
        Factory.Logs.Entries.Where(e => e.Category == AdminSecurityLog.Category && e.Level == LogLevel.Warning && e.Message.Contains(rule))
            .Select(e => e.Message).ToList();

    protected Task<List<LogEntry>> HistoryAsync(string contentType, string objectId) => Factory.WithDbAsync(db =>
        db.Set<LogEntry>().AsNoTracking().Where(e => e.ContentType == contentType && e.ObjectId == objectId).OrderBy(e => e.Id).ToListAsync());
}
