using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;

namespace WebApp.Admin.Controllers;

/// <summary>The index, one app's models, and the 404 for any other admin URL (after the gate, so anonymous users only see the login).</summary>
[Route("admin")]
public sealed class AdminSiteController : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var db = HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var userId = AdminUser.Id;
        var entries = await db.Set<LogEntry>().AsNoTracking()
            .Where(e => e.UserId == userId)
            .OrderByDescending(e => e.ActionTime).ThenByDescending(e => e.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
        var recent = entries.Select(e =>
        {
            var admin = Registry.Registrations.FirstOrDefault(r => r.ContentType == e.ContentType);
            var url = admin is not null && e.Action != LogAction.Delete && admin.HasViewPermission(AdminUser)
                ? AdminUrls.Change(admin, e.ObjectId) : null;
            return new RecentAction(e.Action, e.ObjectRepr, admin is null ? e.ContentType : Capitalize(admin.DisplayName), url);
        }).ToList();
        return View("~/Areas/Admin/Views/AdminSite/Index.cshtml", new IndexViewModel
        {
            Title = "Site administration",
            Apps = Navigation(),
            RecentActions = recent,
            ShowRecentActions = true,
        });
    }

    [HttpGet("{app}")]
    public IActionResult App([FromRoute] string app)
    {
        var section = Navigation().FirstOrDefault(a => a.Label == app);
        if (section is null) return AdminNotFound();
        return View("~/Areas/Admin/Views/AdminSite/Index.cshtml", new IndexViewModel
        {
            Title = $"{section.Name} administration",
            Apps = [section],
        });
    }

    /// <summary>Any other admin URL: staff get a 404; the gate has already sent everyone else to the login page.</summary>
    [Route("{**rest}", Order = int.MaxValue)]
    public IActionResult Unknown() => AdminNotFound();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
