namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Where the fleet publishes in a round.</summary>
internal enum IngestPath
{
    /// <summary>A bare in-process broker that only counts.</summary>
    Baseline,

    /// <summary>The real host: broker → decode → durable log → wearable twin → patient twin.</summary>
    EndToEnd,
}
