namespace Wearables.Twins.History.Options;

/// <summary>Compaction, retention and temp-file sweeping (<c>Twins:History:Maintenance</c>).</summary>
public sealed class LakeMaintenanceOptions
{
    /// <summary>Run compaction and retention this often; zero disables the background pass.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A closed day (before today, UTC) with at least this many files is compacted into one daily file.</summary>
    public int MinFilesPerDay { get; set; } = 2;

    /// <summary>Today's partition is compacted early once it holds this many small files.</summary>
    public int MaxFilesToday { get; set; } = 64;

    /// <summary>Temp files older than this are leftovers of a crash and are removed.</summary>
    public TimeSpan TempFileAge { get; set; } = TimeSpan.FromHours(1);
}
