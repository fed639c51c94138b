namespace WebApp.Tests.Operations;

/// <summary>
/// Tests that read /metrics run alone: OpenTelemetry listens to every meter of its name in the process, so orders placed
/// by tests running beside them would move the counters they read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
