using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebApp.Mail;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;

namespace WebApp.Tests.Operations;

/// <summary>SIGTERM's path: Kestrel lets in-flight requests finish (Operations:ShutdownTimeout); the outbox stops between messages.</summary>
public sealed class GracefulShutdownTests
{
    private const string HeldPath = "/held-request";

    [Fact]
    public async Task A_request_in_flight_when_the_app_stops_still_gets_its_answer_and_new_connections_are_refused()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new LiveServerFactory(new Dictionary<string, string?> { ["Operations:ShutdownTimeout"] = "00:00:20" })
        {
            TestServices = services => services.AddSingleton<IStartupFilter>(new HeldRequest(arrived, release)),
        };
        var address = factory.Start();
        Assert.Equal(TimeSpan.FromSeconds(20), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var inFlight = client.GetAsync(HeldPath);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = factory.DisposeAsync().AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var late = new HttpClient { BaseAddress = new Uri(address) };
        var refused = await Record.ExceptionAsync(() => late.GetAsync("/healthz"));
        release.SetResult();
        using var answer = await inFlight.WaitAsync(TimeSpan.FromSeconds(60));
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(stopping.IsFaulted);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("finished", await answer.Content.ReadAsStringAsync());
        Assert.IsType<HttpRequestException>(refused);
    }

    [Fact]
    public async Task The_outbox_stops_between_messages_and_marks_the_one_it_was_sending_as_sent()
    {
        using var factory = new ShopFactory();
        factory.EnsureMigrated();
        var now = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            for (var n = 1; n <= 3; n++)
                db.Add(OutboxMessage.For(new EmailMessage($"shutdown{n}@example.com", $"Message {n}", "<p>Hello</p>"), now.AddSeconds(-n)));
            return await db.SaveChangesAsync();
        });
        using var stop = new CancellationTokenSource();
        // SIGTERM arrives while the first message is being sent.
        factory.Mail.OnSend = _ => stop.Cancel();

        var sent = await factory.Dispatcher.DeliverDueMessagesAsync(stop.Token);

        Assert.Equal(1, sent);
        Assert.Single(factory.Mail.Sent);
        var rows = await factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Single(rows, m => m.SentAt is not null && m.To == factory.Mail.Sent[0].To);
        // The others are left for the next start (or another instance), not leased to a process that is going away.
        Assert.All(rows.Where(m => m.SentAt is null), m => Assert.Null(m.LockedBy));
        Assert.Equal(2, rows.Count(m => m.SentAt is null));
    }

    /// <summary>Holds <see cref="HeldPath"/> open until the test releases it.</summary>
    private sealed class HeldRequest(TaskCompletionSource arrived, TaskCompletionSource release) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != HeldPath)
                {
                    await nextMiddleware(context);
                    return;
                }
                arrived.SetResult();
                await release.Task;
                await context.Response.WriteAsync("finished");
            });
            next(app);
        };
    }
}
