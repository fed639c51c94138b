using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Orders;
using WebApp.Tests.Accounts;
using WebApp.Tests.Infrastructure;
using WebApp.Tests.Shop;
using static WebApp.Tests.Infrastructure.HtmlForms;

namespace WebApp.Tests.Mail;

/// <summary>
/// Every kind of mail, as the app really writes it (outbox, then MailKit to the pickup folder), comes in the one layout:
/// the site's name, the message, a footer linking to the site, and a plain-text part; order mail links to the order.
/// </summary>
public sealed class EmailLayoutTests : IDisposable
{
    private const string StaffEmail = "contact-staff@example.com";
    private const string SiteName = "Corner & <Shop>";
    private readonly LayoutSite _site = new();

    private sealed class LayoutSite : WebAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Site:Name"] = SiteName,
            ["Site:Url"] = "https://shop.example.com",
            ["Contact:StaffEmail"] = StaffEmail,
            ["Mail:Outbox:BackgroundDelivery"] = "false",
        };
    }

    public void Dispose() => _site.Dispose();

    private async Task<PickedUpMail> DeliveredMailAsync(string to)
    {
        _site.EnsureMigrated();
        await _site.Services.GetRequiredService<WebApp.Mail.OutboxDispatcher>().DeliverDueMessagesAsync();
        return Assert.Single(MailPickup.ReadAll(_site.MailPickupDirectory), m => m.To == to);
    }

    private static void AssertLayout(PickedUpMail mail)
    {
        // The site's name is encoded in the HTML and plain in the text, which starts with it and ends with the footer.
        Assert.Contains(">Corner &amp; &lt;Shop&gt;</p>", mail.Body);
        Assert.DoesNotContain("<Shop>", mail.Body);
        Assert.Contains("<a href=\"https://shop.example.com/\"", mail.Body);
        Assert.StartsWith("Corner & <Shop>\n\n", mail.Text.ReplaceLineEndings("\n"));
        Assert.EndsWith("This email was sent by Corner & <Shop>: https://shop.example.com/\n", mail.Text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("<p", mail.Text);
    }

    [Fact]
    public async Task An_order_mail_links_to_the_order_and_encodes_what_the_customer_typed()
    {
        var customer = await _site.CreateCustomerAsync("layout.buyer@example.com");
        var product = await _site.CreateProductAsync("Mug <script>alert(1)</script>", 12.50m);
        var order = await _site.CreateOrderAsync(customer, product);
        await _site.WithDbAsync(async db =>
        {
            var stored = await db.Orders.FindAsync(order.Id);
            stored!.ShippingName = "<b>Eve</b> & co";
            await db.SaveChangesAsync();
        });
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var paid = await scope.ServiceProvider.GetRequiredService<OrderWorkflow>()
                .ChangeStatusAsync(order.Id, OrderStatus.Paid, "clerk@example.com", CancellationToken.None);
            Assert.True(paid.Succeeded, paid.Message);
        }

        var mail = await DeliveredMailAsync("layout.buyer@example.com");

        AssertLayout(mail);
        var link = $"https://shop.example.com/orders/{order.Number}";
        Assert.Contains($"<a href=\"{link}\">View order {order.Number}</a>", mail.Body);
        Assert.Contains($"View order {order.Number} ({link})", mail.Text);
        Assert.Contains("Hello &lt;b&gt;Eve&lt;/b&gt; &amp; co,", mail.Body);
        Assert.Contains("Mug &lt;script&gt;alert(1)&lt;/script&gt;", mail.Body);
        Assert.DoesNotContain("<script>", mail.Body);
        Assert.Contains("Hello <b>Eve</b> & co,", mail.Text);
        Assert.Contains("Mug <script>alert(1)</script>", mail.Text);
        Assert.Contains("Thank you for shopping with Corner & <Shop>.", mail.Text);
    }

    [Fact]
    public async Task Account_mail_comes_in_the_same_layout_with_its_link()
    {
        await _site.CreateUserAsync("layout.reset@example.com");
        var client = _site.CreateBrowserClient();

        using var response = await client.PostFormAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = "layout.reset@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mail = await DeliveredMailAsync("layout.reset@example.com");
        AssertLayout(mail);
        Assert.Equal("Reset your password", mail.Subject);
        Assert.Contains("/Identity/Account/ResetPassword", mail.FirstLink());
        Assert.Contains("clicking here (http", mail.Text);
    }

    [Fact]
    public async Task The_contact_mail_to_staff_comes_in_the_same_layout_with_the_visitors_words_encoded()
    {
        var client = _site.CreateBrowserClient(followRedirects: true);

        using var response = await client.PostWithTokenAsync("/contact",
            [Field("Input.Name", "Ada <b>"), Field("Input.Email", "ada@example.com"), Field("Input.Message", "Where is my <script>order</script>?"), Field("Input.Website", "")]);
        Assert.Equal("/contact/thanks", response.RequestMessage!.RequestUri!.AbsolutePath);

        var mail = await DeliveredMailAsync(StaffEmail);
        AssertLayout(mail);
        Assert.Contains("From <strong>Ada &lt;b&gt;</strong>", mail.Body);
        Assert.Contains("Where is my &lt;script&gt;order&lt;/script&gt;?", mail.Body);
        Assert.DoesNotContain("<script>", mail.Body);
        Assert.Contains("Where is my <script>order</script>?", mail.Text);
    }
}
