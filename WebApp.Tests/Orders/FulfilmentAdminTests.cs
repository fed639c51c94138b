using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Admin;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Orders;

/// <summary>Staff fulfil orders from the order admin: status actions on the list and on the order page, through the workflow.</summary>
public sealed class FulfilmentAdminTests : IDisposable
{
    private readonly ShopFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private const string OrderList = "/admin/orders/order/";

    /// <summary>A staff member holding exactly the Fulfilment and Review moderation roles (as the demo staff account does).</summary>
    private Task<HttpClient> FulfilmentStaffAsync() => _factory.LoggedInStaffWithAllRolesAsync();

    private async Task<Order> PendingOrderAsync(int quantity = 2, int stock = 5)
    {
        var customer = await _factory.CreateCustomerAsync();
        var product = await _factory.CreateProductAsync(stock: stock);
        return await _factory.CreateOrderAsync(customer, product, quantity);
    }

    private static IEnumerable<KeyValuePair<string, string>> Action(string action, params int[] orderIds) =>
        [new("action", action), .. orderIds.Select(id => new KeyValuePair<string, string>("_selected_action", id.ToString()))];

    private Task<OrderStatus> StatusOfAsync(int orderId) =>
        _factory.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync());

    [Fact]
    public async Task Staff_mark_selected_orders_paid_then_shipped_and_each_change_is_logged_and_mailed()
    {
        var first = await PendingOrderAsync();
        var second = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();

        using var paid = await staff.PostWithTokenAsync(OrderList, Action("mark_paid", first.Id, second.Id));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var page = await staff.GetHtmlAsync(paid.Headers.Location!.OriginalString);
        Assert.Contains($"Order {first.Number} is now Paid.", page.QuerySelector(".alert-success")!.TextContent);

        using var shipped = await staff.PostWithTokenAsync(OrderList, Action("mark_shipped", first.Id));
        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);

        Assert.Equal(OrderStatus.Shipped, await StatusOfAsync(first.Id));
        Assert.Equal(OrderStatus.Paid, await StatusOfAsync(second.Id));
        var entries = await _factory.WithDbAsync(db => db.Set<LogEntry>()
            .Where(e => e.ObjectId == first.Id.ToString() && e.ContentType == "orders.order").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(LogAction.Change, e.Action));
        Assert.Contains("Pending", entries[0].ChangeMessage);
        Assert.Contains("Paid", entries[0].ChangeMessage);
        Assert.Contains("Shipped", entries[1].ChangeMessage);
        var mail = await _factory.OutboxForAsync(first.ContactEmail);
        Assert.Equal(2, mail.Count);
    }

    [Fact]
    public async Task A_move_the_workflow_refuses_is_reported_and_changes_nothing()
    {
        var order = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();

        using var response = await staff.PostWithTokenAsync(OrderList, Action("mark_shipped", order.Id));

        var page = await staff.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("An order that is Pending cannot be marked Shipped.", page.QuerySelector(".alert-warning")!.TextContent.Trim());
        Assert.Equal(OrderStatus.Pending, await StatusOfAsync(order.Id));
        Assert.Empty(await _factory.OutboxForAsync(order.ContactEmail));
    }

    [Fact]
    public async Task Cancelling_from_the_order_page_returns_the_stock_and_comes_back_to_the_order()
    {
        var order = await PendingOrderAsync(quantity: 2, stock: 5);
        var productId = order.Lines[0].ProductId;
        var staff = await FulfilmentStaffAsync();
        var changeUrl = $"{OrderList}{order.Id}/change/";

        var changePage = await staff.GetHtmlAsync(changeUrl);
        var actions = changePage.QuerySelector("form.admin-object-actions")!;
        Assert.Equal(["", "mark_paid", "mark_shipped", "mark_delivered", "cancel"],
            actions.QuerySelectorAll("select[name=action] option").Select(o => o.GetAttribute("value")));
        var fields = changePage.FormValues("form.admin-object-actions").With("action", "cancel");
        using var response = await staff.PostAsync(actions.GetAttribute("action"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(changeUrl, response.Headers.Location!.OriginalString);
        Assert.Equal(OrderStatus.Cancelled, await StatusOfAsync(order.Id));
        Assert.Equal(5 + 2, await _factory.StockOfAsync(productId));
        var after = await staff.GetHtmlAsync(changeUrl);
        Assert.Contains("has been cancelled", after.QuerySelector(".alert-success")!.TextContent);
    }

    [Fact]
    public async Task Run_on_an_order_page_without_choosing_an_action_changes_nothing_and_says_so()
    {
        var order = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();
        var changeUrl = $"{OrderList}{order.Id}/change/";
        var changePage = await staff.GetHtmlAsync(changeUrl);

        var fields = changePage.FormValues("form.admin-object-actions");
        using var response = await staff.PostAsync(changePage.QuerySelector("form.admin-object-actions")!.GetAttribute("action"),
            new FormUrlEncodedContent(fields));

        Assert.Equal(changeUrl, response.Headers.Location!.OriginalString);
        Assert.Equal(OrderStatus.Pending, await StatusOfAsync(order.Id));
        Assert.Contains("No action selected.", (await staff.GetHtmlAsync(changeUrl)).QuerySelector(".admin-messages")!.TextContent);
    }

    [Fact]
    public async Task An_action_from_an_order_page_shown_before_someone_else_changed_the_order_is_refused()
    {
        var order = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();
        var changeUrl = $"{OrderList}{order.Id}/change/";
        var stalePage = await staff.GetHtmlAsync(changeUrl);

        var colleague = await FulfilmentStaffAsync();
        using (await colleague.PostWithTokenAsync(OrderList, Action("mark_paid", order.Id))) { }
        var fields = stalePage.FormValues("form.admin-object-actions").With("action", "cancel");
        using var response = await staff.PostAsync(stalePage.QuerySelector("form.admin-object-actions")!.GetAttribute("action"),
            new FormUrlEncodedContent(fields));

        Assert.Equal(changeUrl, response.Headers.Location!.OriginalString);
        Assert.Equal(OrderStatus.Paid, await StatusOfAsync(order.Id));
        var page = await staff.GetHtmlAsync(changeUrl);
        Assert.Contains("changed by someone else", page.QuerySelector(".alert-warning")!.TextContent);
    }

    [Fact]
    public async Task The_status_cannot_be_edited_around_the_workflow()
    {
        var order = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();
        var changeUrl = $"{OrderList}{order.Id}/change/";

        var page = await staff.GetHtmlAsync(changeUrl);
        Assert.Null(page.QuerySelector("[name=Status]"));
        var fields = page.FormValues($"form#order_form").With("Status", "Delivered").With("_save", "Save");
        using var response = await staff.PostAsync(changeUrl, new FormUrlEncodedContent(fields));

        Assert.Equal(OrderStatus.Pending, await StatusOfAsync(order.Id));
    }

    [Fact]
    public async Task Fulfilment_staff_can_neither_edit_products_nor_reach_users()
    {
        var order = await PendingOrderAsync();
        var staff = await FulfilmentStaffAsync();
        var productId = order.Lines[0].ProductId;

        var index = await staff.GetHtmlAsync("/admin/");
        Assert.NotNull(index.QuerySelector($"a[href='{OrderList}']"));
        Assert.Null(index.QuerySelector("a[href='/admin/catalog/product/']"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/catalog/product/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/admin/catalog/product/{productId}/change/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/catalog/product/add/")).StatusCode);
        using var post = await staff.PostWithTokenAsync(OrderList, $"/admin/catalog/product/{productId}/change/",
            [new("Name", "Renamed by fulfilment"), new("_save", "Save")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual("Renamed by fulfilment", await _factory.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync()));

        // Users are not registered in the admin for anyone but superusers (part 2); staff get a 404 there.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/accounts/applicationuser/")).StatusCode);
    }

    [Fact]
    public async Task Moderation_staff_approve_pending_reviews_found_with_the_approved_filter()
    {
        var catalog = new CatalogBuilder();
        var product = catalog.Product("Reviewed Lamp");
        var author = catalog.User($"author-{ShopData.Unique()}@example.com");
        var pending = catalog.Review(product, author, 4, "Pending lamp review", approved: false);
        await catalog.SaveAsync(_factory);
        var staff = await FulfilmentStaffAsync();

        var list = await staff.GetHtmlAsync("/admin/catalog/review/?IsApproved=0");
        Assert.Contains("Pending lamp review", list.QuerySelector("#result_list")!.TextContent);
        using var response = await staff.PostWithTokenAsync("/admin/catalog/review/", Action("approve_selected", pending.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.Reviews.Where(r => r.Id == pending.Id).Select(r => r.IsApproved).SingleAsync()));
    }
}
