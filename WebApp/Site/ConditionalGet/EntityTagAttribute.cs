namespace WebApp.Site.ConditionalGet;

/// <summary>
/// Marks an endpoint whose GET answers carry an ETag (a hash of the body unless the endpoint set its own) and become
/// 304 Not Modified when the client already holds that version (If-None-Match). See <see cref="EntityTagMiddleware"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class EntityTagAttribute : Attribute;
