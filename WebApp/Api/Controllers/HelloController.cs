using Microsoft.AspNetCore.Mvc;
using WebApp.Api.Models;

namespace WebApp.Api.Controllers;

[Route("api/hello")]
[Tags("Hello")]
internal sealed class HelloController : ApiControllerBase
{
    [HttpGet]
    [EndpointSummary("Say hello")]
    [EndpointDescription("A fixed greeting: a quick way to check that the API answers and that your credentials work.")]
    [ProducesResponseType<HelloResponse>(StatusCodes.Status200OK, Json)]
    public HelloResponse Get() => new() { Message = "Hello, World!" };
}
