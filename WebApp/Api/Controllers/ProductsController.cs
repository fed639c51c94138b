using System.Text.Json;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WebApp.Accounts.Permissions;
using WebApp.Admin;
using WebApp.Api.Models;
using WebApp.Catalog;
using WebApp.Data;
using WebApp.Site.ConditionalGet;

namespace WebApp.Api.Controllers;

[Route("api/products")]
[Tags("Products")]
internal sealed class ProductsController(
    AppDbContext db, ProductListQuery productList, UserPermissions permissions, IAdminHistory history, IMapper mapper,
    IOptions<JsonOptions> json)
    : ApiControllerBase
{
    [HttpGet]
    [EntityTag]
    [EndpointSummary("List products")]
    [EndpointDescription("Active products, searched, filtered, sorted and paged in the database. Every bad parameter is a 400 that names it.")]
    [ProducesResponseType<PageResponse<ProductSummaryResponse>>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<ActionResult<PageResponse<ProductSummaryResponse>>> List([FromQuery] ProductListParameters parameters, CancellationToken cancellationToken)
    {
        int? categoryId = null;
        if (parameters.Category is { } slug)
        {
            categoryId = await productList.FindCategoryIdAsync(slug, cancellationToken);
            if (categoryId is null) return FieldProblem("category", $"No category has the slug \"{slug}\".");
        }
        var criteria = new ProductListCriteria
        {
            Search = string.IsNullOrWhiteSpace(parameters.Q) ? null : parameters.Q.Trim(),
            MinPrice = parameters.MinPrice,
            MaxPrice = parameters.MaxPrice,
        };
        ProductSorts.TryParse(parameters.Sort, out var sort);
        var result = await productList.ReadPageAsync<ProductSummaryResponse>(
            criteria, categoryId, sort, parameters.Page, parameters.PageSize, cancellationToken);
        if (result.Page > result.PageCount) return PageMissing(result.Page, result.PageCount);
        return PageOf(result.Items, result.Page, parameters.PageSize, result.TotalCount);
    }

    [HttpGet("{id:int}", Name = "GetProduct")]
    [EntityTag]
    [EndpointSummary("Get a product")]
    [EndpointDescription("An active product, or an inactive one for callers with catalog.view_product. The ETag header can be sent back in If-Match, or in If-None-Match for a 304 while the product is unchanged.")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<ProductResponse>> Get(int id, CancellationToken cancellationToken)
    {
        var product = await ReadAsync(id, cancellationToken);
        if (product is null || (!product.IsActive && !await permissions.HasAsync(User, CatalogPermissions.ViewProduct, cancellationToken)))
            return ProductNotFound(id);
        return WithETag(product);
    }

    [HttpPost]
    [Authorize(Policy = CatalogPermissions.AddProduct)]
    [Consumes(Json)]
    [EndpointSummary("Create a product")]
    [EndpointDescription("Validated like the admin's form; recorded in the admin's history.")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status201Created, Json)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Create(ProductRequest request, CancellationToken cancellationToken)
    {
        var product = mapper.Map<Product>(request);
        if (await CheckAsync(product, cancellationToken) is { } problem) return problem;

        db.Products.Add(product);
        if (await SaveAsync(product, LogAction.Add, cancellationToken) is { } conflict) return conflict;
        var created = (await ReadAsync(product.Id, cancellationToken))!;
        WithETag(created);
        return Created(Url.Link("GetProduct", new { id = product.Id }), created);
    }

    [HttpPut("{id:int}")]
    [Authorize(Policy = CatalogPermissions.ChangeProduct)]
    [Consumes(Json)]
    [EndpointSummary("Replace a product")]
    [EndpointDescription("Every field is set from the request (tags are kept). With If-Match, a product changed since it was read is refused with 412. Recorded in the admin's history with old and new values.")]
    [ProducesResponseType<ProductResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemJson)]
    public async Task<IActionResult> Replace(int id, ProductRequest request, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return ProductNotFound(id);
        if (await PreconditionFailedAsync(id, cancellationToken) is { } stale) return stale;

        mapper.Map(request, product);
        if (await CheckAsync(product, cancellationToken) is { } problem) return problem;
        if (await SaveAsync(product, LogAction.Change, cancellationToken) is { } conflict) return conflict;
        return Ok(WithETag((await ReadAsync(id, cancellationToken))!));
    }

    [HttpDelete("{id:int}")]
    [Authorize(Policy = CatalogPermissions.DeleteProduct)]
    [EndpointSummary("Delete a product")]
    [EndpointDescription("Refused with 409 while orders have lines of the product (set isActive to false instead). Recorded in the admin's history.")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return ProductNotFound(id);
        if (await PreconditionFailedAsync(id, cancellationToken) is { } stale) return stale;
        var lines = await OrderLineCountAsync(id, cancellationToken);
        if (lines > 0) return DeleteBlocked(product, lines);

        db.Products.Remove(product);
        try
        {
            await history.SaveWithHistoryAsync(db, [new HistoryRecord(db.Entry(product), LogAction.Delete)], CallerId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An order placed between the check and the delete: the Restrict foreign key refused it.
            lines = await OrderLineCountAsync(id, cancellationToken);
            if (lines == 0) throw;
            return DeleteBlocked(product, lines);
        }
        return NoContent();
    }

    private async Task<ProductResponse?> ReadAsync(int id, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == id)
            .ProjectTo<ProductResponse>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken);
        if (product?.AverageRating is { } average) product.AverageRating = Math.Round(average, 2);
        return product;
    }

    /// <summary>The category must exist (a field error); slug and SKU must be free (409, naming the field).</summary>
    private async Task<IActionResult?> CheckAsync(Product product, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == product.CategoryId, cancellationToken))
            return FieldProblem("categoryId", $"No category has the id {product.CategoryId}.");
        var taken = await TakenFieldsAsync(product, cancellationToken);
        return taken.Count == 0 ? null : ApiValidation.Problem(HttpContext, taken, StatusCodes.Status409Conflict,
            "Another product already uses this slug or SKU; nothing was changed.");
    }

    private async Task<Dictionary<string, string[]>> TakenFieldsAsync(Product product, CancellationToken cancellationToken)
    {
        var others = db.Products.AsNoTracking().Where(p => p.Id != product.Id);
        var taken = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await others.AnyAsync(p => p.Slug == product.Slug, cancellationToken))
            taken["slug"] = ["Product with this Slug already exists."];
        if (await others.AnyAsync(p => p.Sku == product.Sku, cancellationToken))
            taken["sku"] = ["Product with this SKU already exists."];
        return taken;
    }

    /// <summary>Saves with its history entry in one transaction; a unique index that lost a race becomes the same 409.</summary>
    private async Task<IActionResult?> SaveAsync(Product product, LogAction action, CancellationToken cancellationToken)
    {
        try
        {
            await history.SaveWithHistoryAsync(db, [new HistoryRecord(db.Entry(product), action)], CallerId, cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            var taken = await TakenFieldsAsync(product, cancellationToken);
            if (taken.Count == 0) throw;
            return ApiValidation.Problem(HttpContext, taken, StatusCodes.Status409Conflict,
                "Another product already uses this slug or SKU; nothing was changed.");
        }
    }

    private Task<int> OrderLineCountAsync(int productId, CancellationToken cancellationToken) =>
        db.OrderLines.CountAsync(l => l.ProductId == productId, cancellationToken);

    private ObjectResult DeleteBlocked(Product product, int lines) => Problem(
        statusCode: StatusCodes.Status409Conflict,
        detail: $"\"{product.Name}\" cannot be deleted: {lines} order line{(lines == 1 ? "" : "s")} refer{(lines == 1 ? "s" : "")} to it, "
            + "and orders keep their lines. Set isActive to false to take it off sale instead.");

    private ObjectResult ProductNotFound(int id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No product has the id {id}.");

    // The version is the representation itself (category name and rating included), so that a 304 is never stale.
    private string ETagOf(ProductResponse product) =>
        EntityTags.Of(JsonSerializer.SerializeToUtf8Bytes(product, json.Value.JsonSerializerOptions));

    private ProductResponse WithETag(ProductResponse product)
    {
        Response.Headers.ETag = ETagOf(product);
        return product;
    }

    /// <summary>If-Match (optional): refuses to overwrite or delete a product someone changed since the caller read it.</summary>
    private async Task<ObjectResult?> PreconditionFailedAsync(int id, CancellationToken cancellationToken)
    {
        var ifMatch = Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0 || ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any))) return null;
        var current = ETagOf((await ReadAsync(id, cancellationToken))!);
        if (ifMatch.Any(tag => !tag.IsWeak && tag.Tag == current)) return null;
        return Problem(statusCode: StatusCodes.Status412PreconditionFailed,
            detail: "The product was changed after you read it (its ETag no longer matches If-Match). Read it again, then retry; nothing was changed.");
    }
}
