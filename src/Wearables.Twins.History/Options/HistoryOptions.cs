namespace Wearables.Twins.History.Options;

/// <summary>Settings of the history lake, bound from <c>Twins:History</c>.</summary>
public sealed class HistoryOptions
{
    public const string Section = "Twins:History";

    /// <summary>Where the lake lives: <see cref="LakeTarget.Local"/> (default) or <see cref="LakeTarget.S3"/>.</summary>
    public LakeTarget Target { get; set; } = LakeTarget.Local;

    /// <summary>Local lake folder; defaults to <c>&lt;data directory&gt;/lake</c>.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>
    /// Local copy of the S3 objects DuckDB reads (DuckDB has no S3 access offline); defaults to
    /// <c>&lt;data directory&gt;/lake-cache</c>. Unused for the local target.
    /// </summary>
    public string CacheDirectory { get; set; } = string.Empty;

    public S3LakeOptions S3 { get; set; } = new();

    public LakeWriterOptions Writer { get; set; } = new();

    public LakeMaintenanceOptions Maintenance { get; set; } = new();

    /// <summary>
    /// How long each vital is kept, by vital code (<c>Twins:History:Retention:heart_rate = 730.00:00:00</c>);
    /// vitals not listed use <see cref="DefaultRetention"/>.
    /// </summary>
    public Dictionary<string, TimeSpan> Retention { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Retention of vitals without their own entry; null (the default) keeps them forever.</summary>
    public TimeSpan? DefaultRetention { get; set; }

    public SqlOptions Sql { get; set; } = new();

    public TimeSpan? RetentionOf(string vitalCode)
        => Retention.TryGetValue(vitalCode, out var retention) ? retention : DefaultRetention;
}
