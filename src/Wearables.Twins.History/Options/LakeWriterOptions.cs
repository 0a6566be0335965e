namespace Wearables.Twins.History.Options;

/// <summary>The per-silo batching buffer (<c>Twins:History:Writer</c>).</summary>
public sealed class LakeWriterOptions
{
    /// <summary>Flush when this many values (a sample is 1 plus its series length) are buffered.</summary>
    public int FlushValues { get; set; } = 50_000;

    /// <summary>Flush when the oldest buffered sample has waited this long.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// High watermark: above it, appends wait (asynchronously) for a flush. The buffer holds at most this many values
    /// plus one batch per appender that is already waiting.
    /// </summary>
    public int MaxBufferedValues { get; set; } = 500_000;

    /// <summary>Rows per Parquet row group.</summary>
    public int RowGroupRows { get; set; } = Schema.LakeSchema.DefaultRowGroupRows;

    /// <summary>First delay before a failed flush is retried; doubles up to a minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
