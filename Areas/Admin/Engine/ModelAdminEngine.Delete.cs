using Microsoft.EntityFrameworkCore;
using WebApp.Admin.Metadata;

namespace WebApp.Admin;

internal sealed partial class ModelAdminEngine<T>
{
    public const int HistoryPerPage = 100;

    public override async Task<DeleteViewModel> DeletePageAsync(IReadOnlyList<object> objects, bool bulk, string preservedFilters, CancellationToken cancellationToken)
    {
        var typed = objects.Cast<T>().ToList();
        var plan = await new DeletionCollector(context, admin.DeleteTreeMaxRows).CollectAsync(typed, Resolved.Key, cancellationToken);
        var single = !bulk && typed.Count == 1 ? typed[0] : null;
        return new DeleteViewModel
        {
            Admin = admin,
            Title = bulk ? "Delete multiple objects" : "Delete",
            Plan = plan,
            Objects = typed.Select(o => (KeyOf(o), o.ToString() ?? "")).ToList(),
            Bulk = bulk,
            ChangeListUrl = AdminUrls.ChangeListWithFilters(admin, preservedFilters),
            PreservedFilters = preservedFilters,
            ObjectUrl = single is null ? null : AdminUrls.WithPreservedFilters(AdminUrls.Change(admin, KeyOf(single)), preservedFilters),
            FormActionUrl = single is null
                ? AdminUrls.ChangeListWithFilters(admin, preservedFilters)
                : AdminUrls.WithPreservedFilters(AdminUrls.Delete(admin, KeyOf(single)), preservedFilters),
        };
    }

    /// <summary>Removes the objects (the database cascades the rest) with a history entry each, in one transaction.</summary>
    public override async Task DeleteAsync(IReadOnlyList<object> objects, CancellationToken cancellationToken)
    {
        var records = new List<HistoryRecord>();
        foreach (var obj in objects.Cast<T>())
        {
            await admin.DeleteModelAsync(new AdminSaveContext<T>(obj, false, context.Db, context.User) { Services = context.Http.RequestServices }, cancellationToken);
            // Loaded many-to-many rows would be deleted by EF anyway; the link rows cascade in the database.
            context.Db.Set<T>().Remove(obj);
            records.Add(new HistoryRecord(context.Db.Entry(obj), LogAction.Delete));
        }
        await context.History.SaveWithHistoryAsync(context.Db, records, context.User.Id, cancellationToken);
    }

    public override async Task<HistoryViewModel> HistoryAsync(object obj, int page, CancellationToken cancellationToken)
    {
        var id = KeyOf(obj);
        var contentType = admin.ContentType;
        var entries = context.Db.Set<LogEntry>().AsNoTracking().Where(e => e.ContentType == contentType && e.ObjectId == id);
        var count = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (count + HistoryPerPage - 1) / HistoryPerPage);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await entries.OrderBy(e => e.ActionTime).ThenBy(e => e.Id)
            .Skip((page - 1) * HistoryPerPage).Take(HistoryPerPage).ToListAsync(cancellationToken);
        var historyUrl = AdminUrls.History(admin, id);
        var links = pageCount <= 1 ? [] : ChangeList<T>.ElidedPageRange(page, pageCount)
            .Select(n => n is { } number ? new PageLink(number, historyUrl + "?p=" + number, number == page) : new PageLink(null, null, false)).ToList();
        return new HistoryViewModel
        {
            Admin = admin,
            Title = $"Change history: {obj}",
            ObjectId = id,
            ObjectLabel = obj.ToString() ?? id,
            Entries = rows.Select(e => new HistoryEntryViewModel(e.ActionTime, e.UserName.Length > 0 ? e.UserName : CellFormatting.Empty, e.Action, context.History.ReadChanges(e))).ToList(),
            Pagination = new Pagination(page, pageCount, links, null, false, $"{count} {(count == 1 ? "entry" : "entries")}"),
            ChangeUrl = AdminUrls.Change(admin, id),
            ChangeListUrl = AdminUrls.ChangeList(admin),
        };
    }
}
