using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;

namespace WebApp.Cart;

/// <summary>
/// <c>@Html.AddToCartForm(new AddToCartForm(product.Id, product.Stock))</c>: a product's "Add to cart" form for the
/// product list, product and cart pages, posting to /cart/add, which comes back to this page with a message. On pages the
/// output cache may share between visitors (marked [OutputCache]) the form carries no token of its own:
/// wwwroot/js/add-to-cart.js fetches one on submit. An HTML helper rather than a partial or a tag helper because a list
/// page renders 24 of them: it writes straight to the response.
/// </summary>
public static class AddToCartFormHtml
{
    public static IHtmlContent AddToCartForm(this IHtmlHelper html, AddToCartForm form)
    {
        if (!form.CanAdd)
            return new HtmlString(form.IsActive
                ? "<p class=\"text-muted small mb-0 add-to-cart-unavailable\">Out of stock</p>"
                : "<p class=\"text-muted small mb-0 add-to-cart-unavailable\">Not available</p>");

        var http = html.ViewContext.HttpContext;
        var sharedPage = http.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;
        var token = sharedPage ? null : http.RequestServices.GetRequiredService<IAntiforgery>().GetHtml(http);
        return new Form(form, http.Request, token);
    }

    private sealed class Form(AddToCartForm form, HttpRequest request, IHtmlContent? token) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var productId = form.ProductId.ToString(CultureInfo.InvariantCulture);
            writer.Write("<form method=\"post\" action=\"");
            encoder.Encode(writer, request.PathBase + "/cart/add");
            writer.Write("\" class=\"add-to-cart d-flex gap-2 align-items-end\"");
            if (token is null)
            {
                writer.Write(" data-antiforgery=\"fetch\" data-token-url=\"");
                encoder.Encode(writer, request.PathBase + AntiforgeryTokenEndpoint.Path);
                writer.Write('"');
            }
            writer.Write("><input type=\"hidden\" name=\"ProductId\" value=\"");
            writer.Write(productId);
            writer.Write("\" /><input type=\"hidden\" name=\"ReturnUrl\" value=\"");
            encoder.Encode(writer, request.PathBase);
            encoder.Encode(writer, request.Path);
            encoder.Encode(writer, request.QueryString.Value ?? "");
            writer.Write("\" /><div><label for=\"add-to-cart-quantity-");
            writer.Write(productId);
            writer.Write("\" class=\"form-label small mb-0\">Quantity</label><input id=\"add-to-cart-quantity-");
            writer.Write(productId);
            writer.Write("\" name=\"Quantity\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"");
            writer.Write(form.MaxQuantity.ToString(CultureInfo.InvariantCulture));
            writer.Write("\" value=\"1\" required class=\"form-control form-control-sm\" style=\"width: 5rem\" /></div>" +
                "<button type=\"submit\" class=\"btn btn-primary btn-sm\">Add to cart</button>");
            token?.WriteTo(writer, encoder);
            writer.Write("</form>");
        }
    }
}
