using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WebApp.Cart;

/// <summary>
/// <c>&lt;add-to-cart-form for="new AddToCartForm(product.Id, product.Stock)" /&gt;</c>: a product's "Add to cart" form
/// for the product list, product and cart pages, posting to /cart/add, which comes back to this page with a message.
/// A tag helper rather than a partial because a list page renders 24 of them. On pages the output cache may share between
/// visitors (marked [OutputCache]) the form carries no token of its own: wwwroot/js/add-to-cart.js fetches one on submit.
/// </summary>
[HtmlTargetElement("add-to-cart-form", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AddToCartFormTagHelper(IAntiforgery antiforgery, HtmlEncoder html) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("for")]
    public AddToCartForm Form { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var http = ViewContext.HttpContext;
        output.TagMode = TagMode.StartTagAndEndTag;
        if (!Form.CanAdd)
        {
            output.TagName = "p";
            output.Attributes.SetAttribute("class", "text-muted small mb-0 add-to-cart-unavailable");
            output.Content.SetContent(Form.IsActive ? "Out of stock" : "Not available");
            return;
        }

        var request = http.Request;
        var sharedPage = http.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;
        var productId = Form.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var quantityId = "add-to-cart-quantity-" + productId;
        output.TagName = "form";
        output.Attributes.SetAttribute("method", "post");
        output.Attributes.SetAttribute("action", request.PathBase + "/cart/add");
        output.Attributes.SetAttribute("class", "add-to-cart d-flex gap-2 align-items-end");
        if (sharedPage)
        {
            output.Attributes.SetAttribute("data-antiforgery", "fetch");
            output.Attributes.SetAttribute("data-token-url", request.PathBase + AntiforgeryTokenEndpoint.Path);
        }

        // One string rather than a dozen appended pieces: a list page renders 24 of these forms.
        var returnUrl = html.Encode($"{request.PathBase}{request.Path}{request.QueryString}");
        var maxQuantity = Form.MaxQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var content = output.Content.SetHtmlContent(
            $"<input type=\"hidden\" name=\"ProductId\" value=\"{productId}\" />" +
            $"<input type=\"hidden\" name=\"ReturnUrl\" value=\"{returnUrl}\" />" +
            $"<div><label for=\"{quantityId}\" class=\"form-label small mb-0\">Quantity</label>" +
            $"<input id=\"{quantityId}\" name=\"Quantity\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"{maxQuantity}\"" +
            " value=\"1\" required class=\"form-control form-control-sm\" style=\"width: 5rem\" /></div>" +
            "<button type=\"submit\" class=\"btn btn-primary btn-sm\">Add to cart</button>");
        if (!sharedPage) content.AppendHtml(antiforgery.GetHtml(http));
    }
}
