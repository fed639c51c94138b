namespace WebApp.Operations;

/// <summary>
/// With <c>Redis:Configuration</c> set (a StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>), the
/// caches live in Redis and are shared by every instance: the output cache (so a catalog change evicts the pages on all
/// of them) and IDistributedCache. Without it nothing changes: each instance keeps its own in memory.
/// </summary>
public static class SharedCacheSetup
{
    public const string ConfigurationKey = "Redis:Configuration";

    public static IHostApplicationBuilder AddSharedCache(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configuration)) return builder;
        // Keys are prefixed so that several apps (or test runs) can share one Redis.
        var instanceName = builder.Configuration["Redis:InstanceName"] ?? "WebApp:";

        var redis = new RedisConnection(configuration);
        // Made by a factory so that the container disposes it (closing the connection) on shutdown.
        builder.Services.AddSingleton(_ => redis);
        builder.Services.AddStackExchangeRedisOutputCache(options =>
        {
            options.InstanceName = instanceName;
            options.ConnectionMultiplexerFactory = redis.GetAsync;
        });
        builder.Services.AddStackExchangeRedisCache(options =>
        {
            options.InstanceName = instanceName;
            options.ConnectionMultiplexerFactory = redis.GetAsync;
        });
        builder.Services.AddHealthChecks().AddCheck<RedisReadyCheck>("redis", tags: [OperationsSetup.ReadyTag]);
        return builder;
    }
}
