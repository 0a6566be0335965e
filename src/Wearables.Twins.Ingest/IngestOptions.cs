namespace Wearables.Twins.Ingest;

/// <summary>Limits applied to every envelope, whichever door it came through (<c>Twins:Ingest:*</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Twins:Ingest";

    /// <summary>Largest envelope accepted, in bytes.</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>Most samples one envelope may carry.</summary>
    public int MaxSamplesPerMessage { get; set; } = 1000;

    /// <summary>How far ahead of the service clock a sample may be (device clocks drift).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Oldest sample accepted; older backfills are refused as <c>too_old</c>.</summary>
    public TimeSpan MaxSampleAge { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>
    /// How often twins persist their state and the telemetry log drops what they hold. Bounds how much of
    /// the log a restart replays.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);
}
