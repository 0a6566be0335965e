using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace Wearables.Twins.History.Schema;

/// <summary>
/// The one place the lake's file layout is defined: columns, Parquet types and encodings, partitioning. The writer,
/// the readers, the SQL views and the Athena DDL all read from here.
/// </summary>
/// <remarks>
/// Encodings (what Parquet.Net 6.1 lets us choose, per column, through <see cref="ParquetOptions.ColumnEncodingHints"/>):
/// string ids are dictionary-encoded; int columns (offset, qualifier) use DELTA_BINARY_PACKED; doubles use
/// BYTE_STREAM_SPLIT, which makes ZSTD far more effective on slowly varying readings. Timestamps are written as
/// INT64 TIMESTAMP(MILLIS, UTC) so Athena and DuckDB see a real timestamp type, but Parquet.Net applies delta encoding
/// only to CLR integer columns, not to <see cref="DateTime"/> ones: timestamps are PLAIN + ZSTD (about 2.5 bytes per
/// 1 Hz sample instead of ~0.01 with delta). That is the price of a typed timestamp column; revisit if Parquet.Net
/// starts honouring the hint for timestamps.
/// Milliseconds, not microseconds: Parquet.Net 6.1.0 writes the row-group statistics of a MICROS column in
/// milliseconds, so DuckDB's min/max pruning skips row groups that match (a range query returned nothing). Devices
/// report milliseconds at best; sub-millisecond ticks are dropped.
/// </remarks>
public static class LakeSchema
{
    /// <summary>Top folder of the sample table inside the lake (a prefix on S3).</summary>
    public const string TableFolder = "vitals";

    /// <summary>Hive partition keys, in path order: <c>vitals/vital=heart_rate/date=2026-11-27/…</c>.</summary>
    public const string VitalPartition = "vital";

    public const string DatePartition = "date";

    public const string FileExtension = ".parquet";

    /// <summary>Rows per row group: large groups suit scans (DuckDB, Athena); rows are tiny once encoded.</summary>
    public const int DefaultRowGroupRows = 1 << 20;

    public static readonly DataField<string> PatientId = new("patient_id", false);
    public static readonly DataField<string> DeviceId = new("device_id", false);
    public static readonly DataField<string> Source = new("source", false);
    public static readonly DataField<string> Vital = new("vital", false);

    public static readonly DateTimeDataField Time = new(
        "time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);

    public static readonly DataField<int> OffsetMinutes = new("offset_minutes", false);

    public static readonly DateTimeDataField EndTime = new(
        "end_time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true);

    public static readonly DataField<double> Value = new("value", false);
    public static readonly DataField<double?> Value2 = new("value2", true);
    public static readonly DataField<double> SeriesElement = new("element", false);
    public static readonly ListField Series = new("series", SeriesElement);
    public static readonly DataField<int> Qualifier = new("qualifier", false);

    public static readonly DateTimeDataField IngestedAt = new(
        "ingested_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);

    /// <summary>Every column in file order.</summary>
    public static readonly IReadOnlyList<LakeColumn> Columns =
    [
        new(PatientId, "string", "VARCHAR", "Patient the sample belongs to"),
        new(DeviceId, "string", "VARCHAR", "Wearable that measured it"),
        new(Source, "string", "VARCHAR", "Kind of device that measured it (watch, ring, bp_monitor, ...)"),
        new(Vital, "string", "VARCHAR", "Vital code (heart_rate, spo2, ...); also the partition key"),
        new(Time, "timestamp", "TIMESTAMPTZ", "Measurement time, UTC"),
        new(OffsetMinutes, "int", "INTEGER", "UTC offset the device reported, minutes"),
        new(EndTime, "timestamp", "TIMESTAMPTZ", "End of the interval (steps, sleep, ECG), UTC; null for instants"),
        new(Value, "double", "DOUBLE", "The number in the canonical unit (systolic, category index)"),
        new(Value2, "double", "DOUBLE", "Second number (diastolic); null when the vital has one"),
        new(Series, "array<double>", "DOUBLE[]", "Beat-by-beat or waveform values; null otherwise"),
        new(Qualifier, "int", "INTEGER", "Index into the vital's qualifiers (heart-rate context); 0 when none"),
        new(IngestedAt, "timestamp", "TIMESTAMPTZ", "When the service accepted it, UTC"),
    ];

    public static readonly ParquetSchema Parquet = new(Columns.Select(c => c.Field));

    /// <summary>Writer options: ZSTD at <paramref name="level"/>, dictionary ids, delta ints, byte-stream-split doubles.</summary>
    /// <remarks>Parquet.Net defaults to <see cref="CompressionLevel.SmallestSize"/> (ZSTD 19), which costs seconds of CPU per flush.</remarks>
    public static ParquetOptions CreateWriterOptions(CompressionLevel level)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = level };
        foreach (var id in (ReadOnlySpan<DataField>)[PatientId, DeviceId, Source, Vital])
        {
            options.ColumnEncodingHints[id.Path.ToString()] = EncodingHint.Dictionary;
        }

        options.ColumnEncodingHints[OffsetMinutes.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        options.ColumnEncodingHints[Qualifier.Path.ToString()] = EncodingHint.DeltaBinaryPacked;
        options.ColumnEncodingHints[Value.Path.ToString()] = EncodingHint.ByteSplitStream;
        options.ColumnEncodingHints[Value2.Path.ToString()] = EncodingHint.ByteSplitStream;
        options.ColumnEncodingHints[SeriesElement.Path.ToString()] = EncodingHint.ByteSplitStream;
        return options;
    }
}
