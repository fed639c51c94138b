using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Shop;

/// <summary>The shop app with a hand-moved clock, for back-off and leases.</summary>
public sealed class OutboxFactory : ShopFactory
{
    public OutboxFactory() => Clock = new ManualClock();
}

public sealed class OutboxTests(OutboxFactory factory) : IClassFixture<OutboxFactory>
{
    private ManualClock Clock => factory.Clock!;

    [Fact]
    public async Task A_placed_orders_confirmation_waits_in_the_outbox_and_is_delivered_once()
    {
        var (client, _) = await factory.LoggedInCustomerAsync();
        await client.AddToCartAsync((await factory.CreateProductAsync()).Id);
        var contact = $"confirm-{ShopData.Unique()}@example.com";
        var number = await client.CheckoutAsync(new Dictionary<string, string> { ["Form.ContactEmail"] = contact });
        Assert.Empty(factory.Mail.SentTo(contact));

        await factory.DeliverMailAsync();
        await factory.DeliverMailAsync();

        var sent = Assert.Single(factory.Mail.SentTo(contact));
        Assert.Equal($"Order {number} confirmed", sent.Subject);
        Assert.Contains(number, sent.HtmlBody);
        var row = Assert.Single(await factory.OutboxForAsync(contact));
        Assert.Equal((1, Clock.GetUtcNow().UtcDateTime), (row.Attempts, row.SentAt!.Value));
        Assert.Null(row.LockedBy);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task A_failing_mail_server_is_retried_with_exponential_back_off_until_it_takes_the_message()
    {
        var to = await EnqueueAsync();
        factory.Mail.FailFor(to, times: 2);

        await factory.DeliverMailAsync();
        var first = await RowAsync(to);
        Assert.Equal((1, Clock.GetUtcNow().UtcDateTime.AddMinutes(1)), (first.Attempts, first.NextAttemptAt));
        Assert.Contains("Mail server refused", first.LastError);
        Assert.Null(first.LockedBy);

        Clock.Advance(TimeSpan.FromSeconds(59));
        await factory.DeliverMailAsync();
        Assert.Equal(1, (await RowAsync(to)).Attempts);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.DeliverMailAsync();
        var second = await RowAsync(to);
        Assert.Equal((2, Clock.GetUtcNow().UtcDateTime.AddMinutes(2)), (second.Attempts, second.NextAttemptAt));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DeliverMailAsync();
        var sent = await RowAsync(to);
        Assert.Equal(3, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.Single(factory.Mail.SentTo(to));
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_left_with_its_error_and_not_tried_again()
    {
        var to = await EnqueueAsync();
        factory.Mail.FailFor(to, times: 100);

        for (var round = 0; round < 6; round++)
        {
            await factory.DeliverMailAsync();
            Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await RowAsync(to);
        Assert.Equal(4, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.NotNull(row.LastError);
        Assert.Empty(factory.Mail.SentTo(to));
    }

    [Fact]
    public async Task A_message_leased_by_a_dispatcher_that_died_goes_out_once_the_lease_lapses()
    {
        var to = await EnqueueAsync(lockedBy: "crashed-instance", lockedFor: TimeSpan.FromMinutes(2));

        await factory.DeliverMailAsync();
        Assert.Empty(factory.Mail.SentTo(to));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DeliverMailAsync();

        Assert.Single(factory.Mail.SentTo(to));
        var row = await RowAsync(to);
        Assert.Null(row.LockedBy);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task Rounds_of_two_dispatchers_running_at_once_send_each_message_once()
    {
        var recipients = new List<string>();
        for (var i = 0; i < 30; i++) recipients.Add(await EnqueueAsync());
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services);
        Assert.NotEqual(factory.Dispatcher.Owner, other.Owner);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var dispatcher = i % 2 == 0 ? factory.Dispatcher : other;
            for (var round = 0; round < 3; round++) await dispatcher.DeliverDueMessagesAsync();
        })));

        Assert.All(recipients, to => Assert.Single(factory.Mail.SentTo(to)));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Back_off_doubles_from_the_base_delay_up_to_the_maximum(int attempts, int seconds)
    {
        var settings = new OutboxOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.BackOff(attempts, settings));
    }

    private async Task<string> EnqueueAsync(string? lockedBy = null, TimeSpan? lockedFor = null)
    {
        var to = $"outbox-{ShopData.Unique()}@example.com";
        var now = Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var message = OutboxMessage.For(new EmailMessage(to, "Hello", "<p>Hello</p>"), now);
            message.LockedBy = lockedBy;
            message.LockedUntil = lockedFor is { } lease ? now + lease : null;
            db.Add(message);
            await db.SaveChangesAsync();
        });
        return to;
    }

    private async Task<OutboxMessage> RowAsync(string to) => Assert.Single(await factory.OutboxForAsync(to));
}

/// <summary>Delivery across restarts and by the hosted service, each on its own app.</summary>
public sealed class OutboxLifetimeTests
{
    [Fact]
    public async Task Mail_committed_before_the_app_stopped_is_delivered_once_after_the_next_start()
    {
        using var restarted = new ShopFactory();
        string contact, number;
        using (var first = new ShopFactory { SharedDatabase = restarted.Database })
        {
            var (client, _) = await first.LoggedInCustomerAsync();
            await client.AddToCartAsync((await first.CreateProductAsync()).Id);
            contact = $"restart-{ShopData.Unique()}@example.com";
            number = await client.CheckoutAsync(new Dictionary<string, string> { ["Form.ContactEmail"] = contact });
            Assert.Empty(first.Mail.Sent);
        }

        Assert.Null(Assert.Single(await restarted.OutboxForAsync(contact)).SentAt);
        await restarted.DeliverMailAsync();
        await restarted.DeliverMailAsync();

        Assert.Equal($"Order {number} confirmed", Assert.Single(restarted.Mail.SentTo(contact)).Subject);
        Assert.NotNull(Assert.Single(await restarted.OutboxForAsync(contact)).SentAt);
    }

    [Fact]
    public async Task The_hosted_service_delivers_due_mail_by_itself()
    {
        using var factory = new ShopFactory { BackgroundDelivery = true };
        var to = $"background-{ShopData.Unique()}@example.com";
        await factory.WithDbAsync(async db =>
        {
            db.Add(OutboxMessage.For(new EmailMessage(to, "Hello", "<p>Hello</p>"), DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        // Polls every 100 ms; the generous deadline only bounds a broken loop.
        for (var waited = 0; factory.Mail.SentTo(to).Count == 0 && waited < 300; waited++)
            await Task.Delay(100);

        Assert.Single(factory.Mail.SentTo(to));
        await factory.DeliverMailAsync();
        Assert.Single(factory.Mail.SentTo(to));
        Assert.NotNull(Assert.Single(await factory.OutboxForAsync(to)).SentAt);
    }

    [Fact]
    public void Outbox_settings_that_cannot_work_stop_the_app_at_start_up()
    {
        using var factory = new ShopFactory
        {
            MoreSettings = new Dictionary<string, string?> { ["Mail:Outbox:MaxAttempts"] = "0", ["Mail:Outbox:PollInterval"] = "00:00:00" },
        };

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Mail:Outbox:MaxAttempts must be at least 1.", error.Failures);
        Assert.Contains("Mail:Outbox:PollInterval must be positive.", error.Failures);
    }
}
