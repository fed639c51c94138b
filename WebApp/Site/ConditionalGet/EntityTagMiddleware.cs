namespace WebApp.Site.ConditionalGet;

/// <summary>
/// For GET and HEAD requests to endpoints marked <see cref="EntityTagAttribute"/>: buffers a 200 answer, tags it and
/// answers 304 without a body when the client's If-None-Match already names that tag. Runs inside the output cache, so
/// cached pages keep their tag and the cache itself answers 304 for them.
/// </summary>
internal sealed class EntityTagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<EntityTagAttribute>() is null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.HasStarted)
        {
            var entityTag = response.Headers.ETag.ToString();
            if (string.IsNullOrEmpty(entityTag))
                response.Headers.ETag = entityTag = EntityTags.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (EntityTags.ClientHolds(request, entityTag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.ContentType = null;
                return;
            }
            response.ContentLength = buffer.Length;
        }
        // Anything else passes through as written: an empty 404 must stay empty for the status code pages to fill in.
        if (buffer.Length == 0) return;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }
}
