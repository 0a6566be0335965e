namespace Wearables.Twins.History.Maintenance;

/// <summary>What one compaction pass did.</summary>
/// <param name="Partitions">Partitions (vital, day) rewritten.</param>
/// <param name="FilesMerged">Small files replaced.</param>
/// <param name="RowsWritten">Rows in the new daily files (each sample once).</param>
/// <param name="DuplicatesDropped">Copies of samples that were dropped while merging.</param>
public sealed record CompactionReport(int Partitions, int FilesMerged, long RowsWritten, long DuplicatesDropped);
