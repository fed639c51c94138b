using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using WebApp.Site;

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
            var html = new HtmlWriter(writer, encoder);
            var productId = form.ProductId.ToString(CultureInfo.InvariantCulture);
            var quantityId = "add-to-cart-quantity-" + productId;
            html.Raw("<form method=\"post\"");
            html.Attribute("action", request.PathBase + "/cart/add");
            html.Raw(" class=\"add-to-cart d-flex gap-2 align-items-end\"");
            if (token is null)
            {
                html.Raw(" data-antiforgery=\"fetch\"");
                html.Attribute("data-token-url", request.PathBase + AntiforgeryTokenEndpoint.Path);
            }
            html.Raw("><input type=\"hidden\" name=\"ProductId\"");
            html.Attribute("value", productId);
            html.Raw(" /><input type=\"hidden\" name=\"ReturnUrl\"");
            html.Attribute("value", request.PathBase.Add(request.Path).Add(request.QueryString));
            html.Raw(" /><div><label");
            html.Attribute("for", quantityId);
            html.Raw(" class=\"form-label small mb-0\">Quantity</label><input");
            html.Attribute("id", quantityId);
            html.Raw(" name=\"Quantity\" type=\"number\" inputmode=\"numeric\" min=\"1\"");
            html.Attribute("max", form.MaxQuantity);
            html.Raw(" value=\"1\" required class=\"form-control form-control-sm\" style=\"width: 5rem\" /></div>" +
                "<button type=\"submit\" class=\"btn btn-primary btn-sm\">Add to cart</button>");
            token?.WriteTo(writer, encoder);
            html.Raw("</form>");
        }
    }
}
