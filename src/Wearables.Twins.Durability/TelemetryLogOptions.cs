namespace Wearables.Twins.Durability;

/// <summary>Settings of the telemetry log, bound from <c>Twins:TelemetryLog</c>.</summary>
public sealed class TelemetryLogOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Twins:TelemetryLog";

    /// <summary>Folder holding the segment files, the checkpoint and the lock file. Required; created if missing.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>
    /// A segment is closed and a new one started when the next record would make it larger than this.
    /// Checkpoints free disk space a whole segment at a time. Default 64 MiB.
    /// </summary>
    public long SegmentSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest payload one append may carry. Default 1 MiB.</summary>
    public int MaxRecordBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Most bytes (records with their 8-byte headers) written by one group commit before its fsync.
    /// Bounds the memory of a batch and how long one fsync keeps its callers waiting. Default 4 MiB.
    /// </summary>
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;
}
