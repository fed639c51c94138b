namespace WebApp.Tests.Infrastructure;

/// <summary>
/// The Redis server ./test.sh starts (scripts/redis.sh) for both engine runs, from WEBAPP_TEST_REDIS. Tests that need it
/// fail without it rather than skip: a shared cache that is never tested is not known to work.
/// </summary>
public static class TestRedis
{
    public static string Configuration =>
        Environment.GetEnvironmentVariable("WEBAPP_TEST_REDIS") is { Length: > 0 } configuration
            ? configuration
            : throw new InvalidOperationException(
                "WEBAPP_TEST_REDIS is not set: run the tests through ./test.sh, which starts a Redis server "
                + "(scripts/redis.sh), or set it to a Redis server's address, e.g. WEBAPP_TEST_REDIS=127.0.0.1:6379.");

    /// <summary>The app's settings for that server, under a key prefix of their own so that tests never share keys.</summary>
    public static Dictionary<string, string?> Settings(string instanceName) => new()
    {
        ["Redis:Configuration"] = Configuration,
        ["Redis:InstanceName"] = instanceName,
    };
}
