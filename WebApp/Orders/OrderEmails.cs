using System.Text;
using System.Text.Encodings.Web;
using WebApp.Cart;
using WebApp.Mail;
using WebApp.Site;

namespace WebApp.Orders;

/// <summary>
/// The emails a customer gets about an order (their content: <see cref="EmailLayout"/> frames it), each with a link to
/// the order's page. Every value is HTML-encoded: names and addresses are user input.
/// </summary>
public static class OrderEmails
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Sent when the order is placed; the order's lines must be loaded. <paramref name="images"/>: absolute picture addresses by product id.</summary>
    public static EmailMessage Confirmation(Order order, SiteOptions site, IReadOnlyDictionary<int, string>? images = null) => new(
        order.ContactEmail,
        $"Order {order.Number} confirmed",
        Body(order, site, $"Thank you for your order <strong>{Html.Encode(order.Number)}</strong>. "
                    + "We will email you again when it has been paid, shipped and delivered."
                    + (order.PaymentInstructions is { } instructions
                        ? $"</p><p><strong>What to do next ({Html.Encode(order.PaymentMethod)}):</strong> {Html.Encode(instructions)}"
                        : ""), images));

    /// <summary>Sent after every change of status; the order's lines must be loaded.</summary>
    public static EmailMessage StatusChanged(Order order, SiteOptions site)
    {
        var number = Html.Encode(order.Number);
        var (subject, news) = order.Status switch
        {
            OrderStatus.Paid => ($"Order {order.Number}: payment received", $"We have received your payment for order <strong>{number}</strong>."),
            OrderStatus.Shipped => ($"Order {order.Number} has shipped", $"Your order <strong>{number}</strong> is on its way."),
            OrderStatus.Delivered => ($"Order {order.Number} has been delivered", $"Your order <strong>{number}</strong> has been delivered. We hope you enjoy it."),
            OrderStatus.Cancelled => ($"Order {order.Number} has been cancelled", $"Your order <strong>{number}</strong> has been cancelled. You have not been charged for anything not yet paid; any payment will be refunded."),
            _ => ($"Order {order.Number} is now {order.Status}", $"Your order <strong>{number}</strong> is now {Html.Encode(order.Status.ToString())}."),
        };
        return new EmailMessage(order.ContactEmail, subject, Body(order, site, news));
    }

    /// <summary>The order's page on the site, for the link in every order email.</summary>
    public static string OrderLink(SiteOptions site, string number) => site.LinkTo("/orders/" + Uri.EscapeDataString(number));

    private static string Body(Order order, SiteOptions site, string newsHtml, IReadOnlyDictionary<int, string>? images = null)
    {
        var html = new StringBuilder();
        html.Append($"<p>Hello {Html.Encode(order.ShippingName)},</p>");
        html.Append($"<p>{newsHtml}</p>");
        html.Append($"<p><a href=\"{Html.Encode(OrderLink(site, order.Number))}\">View order {Html.Encode(order.Number)}</a></p>");
        html.Append($"<p>Placed {Html.Encode(Formats.Timestamp(order.CreatedAt))}. Status: <strong>{Html.Encode(order.Status.ToString())}</strong></p>");
        html.Append("<table cellpadding=\"4\" style=\"border-collapse: collapse\">");
        html.Append("<thead><tr><th align=\"left\">Product</th><th align=\"left\">SKU</th><th align=\"right\">Quantity</th>"
                    + "<th align=\"right\">Unit price</th><th align=\"right\">Total</th></tr></thead><tbody>");
        foreach (var line in order.Lines)
        {
            var picture = images?.GetValueOrDefault(line.ProductId) is { } src
                ? $"<img src=\"{Html.Encode(src)}\" width=\"80\" alt=\"\" style=\"vertical-align: middle; margin-right: 8px\">"
                : "";
            html.Append($"<tr><td>{picture}{Html.Encode(line.ProductName)}</td><td>{Html.Encode(line.ProductSku)}</td>"
                        + $"<td align=\"right\">{line.Quantity}</td><td align=\"right\">{Html.Encode(Money.Format(line.UnitPrice))}</td>"
                        + $"<td align=\"right\">{Html.Encode(Money.Format(line.LineTotal))}</td></tr>");
        }
        html.Append("</tbody><tfoot>");
        html.Append($"<tr><td colspan=\"4\" align=\"right\">Subtotal</td><td align=\"right\">{Html.Encode(Money.Format(order.Subtotal))}</td></tr>");
        html.Append($"<tr><td colspan=\"4\" align=\"right\">Shipping ({Html.Encode(order.ShippingMethod)})</td><td align=\"right\">{Html.Encode(Money.Format(order.ShippingCost))}</td></tr>");
        html.Append($"<tr><td colspan=\"4\" align=\"right\"><strong>Total</strong></td><td align=\"right\"><strong>{Html.Encode(Money.Format(order.Total))}</strong></td></tr>");
        html.Append("</tfoot></table>");
        html.Append("<p>Shipping to:<br>");
        foreach (var part in AddressLines(order))
            html.Append(Html.Encode(part)).Append("<br>");
        html.Append($"</p><p>Thank you for shopping with {Html.Encode(site.Name)}.</p>");
        return html.ToString();
    }

    private static IEnumerable<string> AddressLines(Order order)
    {
        yield return order.ShippingName;
        yield return order.ShippingAddressLine1;
        if (!string.IsNullOrWhiteSpace(order.ShippingAddressLine2)) yield return order.ShippingAddressLine2;
        yield return $"{order.ShippingPostalCode} {order.ShippingCity}";
        yield return order.ShippingCountry;
    }
}
