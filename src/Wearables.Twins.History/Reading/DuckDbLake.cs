using System.Collections;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Reading;

/// <summary>DuckDB plumbing shared by the readers: UTC sessions, file lists as SQL literals, rows back into samples.</summary>
internal static class DuckDbLake
{
    /// <summary>The lake's columns in file order, as a select list.</summary>
    public const string AllColumns =
        "patient_id, device_id, source, vital, time, offset_minutes, end_time, value, value2, series, qualifier, ingested_at";

    /// <summary>
    /// Keeps one row per stored-sample identity (patient, vital, time, end, device), the earliest ingested copy:
    /// redelivery never counts twice, while two devices' reports of one instant both stay (history keeps every source).
    /// </summary>
    public const string Deduplicate =
        "QUALIFY row_number() OVER (PARTITION BY patient_id, vital, time, end_time, device_id ORDER BY ingested_at) = 1";

    public static async Task<DuckDBConnection> OpenAsync(int threads, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
            $"SET TimeZone = 'UTC'; SET threads = {threads}; SET autoinstall_known_extensions = false;"), cancellationToken);
        return connection;
    }

    public static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary><c>read_parquet(['a', 'b'])</c> over explicit files: readers never glob, so temp files are never read.</summary>
    public static string ReadParquet(IEnumerable<string> paths, bool withFileName = false)
    {
        var text = new StringBuilder("read_parquet([");
        var first = true;
        foreach (var path in paths)
        {
            text.Append(first ? "" : ", ").Append(Literal(path));
            first = false;
        }

        return text.Append(withFileName ? "], filename = true)" : "])").ToString();
    }

    /// <summary>An instant as DuckDB TIMESTAMPTZ text, microsecond precision, UTC.</summary>
    public static string TimestampText(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture);

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static DateTime Utc(object value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTimeOffset time => time.UtcDateTime,
        _ => throw new InvalidCastException($"Expected a timestamp, got {value.GetType()}."),
    };

    /// <summary>Reads rows selected with <see cref="AllColumns"/>.</summary>
    public static async Task<List<HistoryRow>> ReadRowsAsync(DuckDBCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<HistoryRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!VitalCatalog.TryGet(reader.GetString(3), out var vital))
            {
                continue;
            }

            var sample = ToSample(vital.Type, reader.GetString(2), reader.GetValue(4), reader.GetInt32(5), reader.GetValue(6), reader.GetDouble(7), reader.GetValue(8), reader.GetValue(9), reader.GetInt32(10));
            rows.Add(new HistoryRow(reader.GetString(0), reader.GetString(1), sample,
                new DateTimeOffset(Utc(reader.GetValue(11)))));
        }

        return rows;
    }

    /// <summary>Rebuilds a sample: UTC time plus the device's offset gives back the original <see cref="DateTimeOffset"/>.</summary>
    public static VitalSample ToSample(
        VitalType type, string source, object time, int offsetMinutes, object end, double value, object value2, object series, int qualifier)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var start = new DateTimeOffset(Utc(time)).ToOffset(offset);
        DateTimeOffset? until = end is DBNull ? null : new DateTimeOffset(Utc(end)).ToOffset(offset);
        return new VitalSample(type, start, until, value, value2 is double second ? second : double.NaN, Series(series))
        {
            Qualifier = (byte)qualifier,
            Source = SourceKinds.TryParse(source, out var kind) ? kind : SourceKind.Unknown,
        };
    }

    private static System.Collections.Immutable.ImmutableArray<double> Series(object value)
    {
        if (value is not IEnumerable items)
        {
            return [];
        }

        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<double>();
        foreach (var item in items)
        {
            builder.Add(Convert.ToDouble(item, CultureInfo.InvariantCulture));
        }

        return builder.DrainToImmutable();
    }
}
