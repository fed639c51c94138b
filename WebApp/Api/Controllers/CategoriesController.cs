using AutoMapper;
using Microsoft.AspNetCore.Mvc;
using WebApp.Api.Models;
using WebApp.Catalog;
using WebApp.Site.ConditionalGet;

namespace WebApp.Api.Controllers;

[Route("api/categories")]
[Tags("Categories")]
internal sealed class CategoriesController(CatalogQueries catalog, IMapper mapper) : ApiControllerBase
{
    [HttpGet]
    [EntityTag]
    [EndpointSummary("List categories")]
    [EndpointDescription("Every category, ordered by name, with the number of active products in it.")]
    [ProducesResponseType<ListResponse<CategoryResponse>>(StatusCodes.Status200OK, Json)]
    public async Task<ListResponse<CategoryResponse>> List(CancellationToken cancellationToken) =>
        new() { Items = mapper.Map<IReadOnlyList<CategoryResponse>>(await catalog.CategoriesAsync(cancellationToken)) };
}
