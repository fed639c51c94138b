using AutoMapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebApp.Api.Models;
using WebApp.Orders;

namespace WebApp.Api.Controllers;

/// <summary>The caller's own orders; another customer's order is "not found", never "forbidden".</summary>
[Route("api/orders")]
[Tags("Orders")]
[Authorize]
internal sealed class OrdersController(CustomerOrders orders, IMapper mapper) : ApiControllerBase
{
    [HttpGet]
    [EndpointSummary("List my orders")]
    [EndpointDescription("The caller's orders, newest first, paged.")]
    [ProducesResponseType<PageResponse<OrderSummaryResponse>>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<ActionResult<PageResponse<OrderSummaryResponse>>> List([FromQuery] PagingParameters parameters, CancellationToken cancellationToken)
    {
        var (page, pageSize) = (parameters.Page, parameters.PageSize);
        var result = await orders.ListAsync(CallerId!, page, pageSize, cancellationToken);
        if (page > result.PageCount) return PageMissing(page, result.PageCount);
        return PageOf(mapper.Map<IReadOnlyList<OrderSummaryResponse>>(result.Orders), page, pageSize, result.TotalCount);
    }

    [HttpGet("{number}")]
    [EndpointSummary("Get one of my orders")]
    [EndpointDescription("An order of the caller's by its number (such as WA-7K3F9Q2M), with its lines and status history.")]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK, Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<ActionResult<OrderResponse>> Get(string number, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(CallerId!, number, cancellationToken);
        if (order is null) return Problem(statusCode: StatusCodes.Status404NotFound, detail: $"You have no order with the number \"{number}\".");
        return mapper.Map<OrderResponse>(order);
    }
}
