using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Mail;
using WebApp.Orders;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

public sealed class OrderWorkflowTests(ShopFactory factory) : IClassFixture<ShopFactory>
{
    private const string Staff = "staff@example.com";

    public static TheoryData<OrderStatus, OrderStatus, bool, string> EveryMove()
    {
        var allowed = new HashSet<(OrderStatus, OrderStatus)>
        {
            (OrderStatus.Pending, OrderStatus.Paid),
            (OrderStatus.Pending, OrderStatus.Cancelled),
            (OrderStatus.Paid, OrderStatus.Shipped),
            (OrderStatus.Paid, OrderStatus.Cancelled),
            (OrderStatus.Shipped, OrderStatus.Delivered),
        };
        var data = new TheoryData<OrderStatus, OrderStatus, bool, string>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            var message = allowed.Contains((from, to)) ? ""
                : from == to ? $"The order is already {from}."
                : to == OrderStatus.Cancelled ? $"An order that is {from} cannot be cancelled."
                : $"An order that is {from} cannot be marked {to}.";
            data.Add(from, to, allowed.Contains((from, to)), message);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public async Task Every_move_between_statuses_is_allowed_or_refused_as_the_workflow_says(
        OrderStatus from, OrderStatus to, bool allowed, string refusal)
    {
        var customer = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(customer, product, quantity: 2, status: from);

        var result = await ChangeAsync(w => w.ChangeStatusAsync(order.Id, to, Staff, CancellationToken.None));

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed, OrderWorkflow.CanMove(from, to));
        var saved = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        var emails = await factory.OutboxForAsync(customer.Email!);
        if (allowed)
        {
            Assert.Equal(to, saved.Status);
            var change = Assert.Single(saved.StatusChanges);
            Assert.Equal((from, to, Staff), (change.FromStatus!.Value, change.ToStatus, change.Actor));
            Assert.Contains(order.Number, Assert.Single(emails).Subject);
            Assert.Equal(to == OrderStatus.Cancelled ? 7 : 5, await factory.StockOfAsync(product.Id));
        }
        else
        {
            Assert.Equal(refusal, result.Message);
            Assert.Equal(refusal, OrderWorkflow.WhyNot(from, to));
            Assert.Equal(from, saved.Status);
            Assert.Empty(saved.StatusChanges);
            Assert.Empty(emails);
            Assert.Equal(5, await factory.StockOfAsync(product.Id));
        }
    }

    [Fact]
    public async Task An_order_goes_all_the_way_and_the_customer_hears_of_every_step()
    {
        var customer = await factory.CreateCustomerAsync();
        var order = await factory.CreateOrderAsync(customer, await factory.CreateProductAsync());

        foreach (var status in new[] { OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered })
            Assert.True((await ChangeAsync(w => w.ChangeStatusAsync(order.Id, status, Staff, CancellationToken.None))).Succeeded);

        Assert.Equal(
            [$"Order {order.Number}: payment received", $"Order {order.Number} has shipped", $"Order {order.Number} has been delivered"],
            (await factory.OutboxForAsync(customer.Email!)).Select(m => m.Subject));
        Assert.Empty(OrderWorkflow.NextStatuses(OrderStatus.Delivered));
    }

    [Fact]
    public async Task A_change_against_an_old_version_is_refused()
    {
        var customer = await factory.CreateCustomerAsync();
        var order = await factory.CreateOrderAsync(customer, await factory.CreateProductAsync());

        var result = await ChangeAsync(w => w.ChangeStatusAsync(order.Id, OrderStatus.Paid, Staff, Guid.NewGuid(), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.StartsWith("The order was changed by someone else", result.Message);
        Assert.Equal(OrderStatus.Pending, Assert.Single(await factory.OrdersOfAsync(customer.Id)).Status);
    }

    [Fact]
    public async Task Two_people_acting_on_the_same_version_at_once_cannot_both_win()
    {
        var customer = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(stock: 5);
        var order = await factory.CreateOrderAsync(customer, product, quantity: 1);

        var results = await Task.WhenAll(
            ChangeAsync(w => w.ChangeStatusAsync(order.Id, OrderStatus.Paid, Staff, order.Version, CancellationToken.None)),
            ChangeAsync(w => w.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "other@example.com", order.Version, CancellationToken.None)));

        var winner = Assert.Single(results, r => r.Succeeded);
        var saved = Assert.Single(await factory.OrdersOfAsync(customer.Id));
        Assert.Equal(winner.Status, saved.Status);
        Assert.Single(saved.StatusChanges);
        Assert.Single(await factory.OutboxForAsync(customer.Email!));
        Assert.Equal(saved.Status == OrderStatus.Cancelled ? 6 : 5, await factory.StockOfAsync(product.Id));
    }

    [Fact]
    public async Task An_unknown_order_is_reported_as_such()
    {
        factory.EnsureMigrated();
        var result = await ChangeAsync(w => w.ChangeStatusAsync(int.MaxValue, OrderStatus.Paid, Staff, CancellationToken.None));

        Assert.Same(OrderStatusChangeResult.OrderNotFound, result);
    }

    [Fact]
    public async Task A_status_email_escapes_what_customers_typed()
    {
        var customer = await factory.CreateCustomerAsync();
        var product = await factory.CreateProductAsync(name: "Mug <script>alert(1)</script>");
        var order = await factory.CreateOrderAsync(customer, product);
        await factory.WithDbAsync(async db =>
        {
            (await db.Orders.SingleAsync(o => o.Id == order.Id)).ShippingName = "<b>Eve</b> & co";
            await db.SaveChangesAsync();
        });

        await ChangeAsync(w => w.ChangeStatusAsync(order.Id, OrderStatus.Paid, Staff, CancellationToken.None));

        var body = Assert.Single(await factory.OutboxForAsync(customer.Email!)).HtmlBody;
        Assert.DoesNotContain("<script>", body);
        Assert.DoesNotContain("<b>Eve</b>", body);
        Assert.Contains("Mug &lt;script&gt;alert(1)&lt;/script&gt;", body);
        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co", body);
    }

    private async Task<OrderStatusChangeResult> ChangeAsync(Func<OrderWorkflow, Task<OrderStatusChangeResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<OrderWorkflow>());
    }
}
