using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Xiaomi;

/// <summary>
/// Reads Gadgetbridge's database export (<c>Gadgetbridge.db</c>). Each <c>*_ACTIVITY_SAMPLE</c> table
/// (<c>MI_BAND_ACTIVITY_SAMPLE</c>, <c>HUAMI_EXTENDED_ACTIVITY_SAMPLE</c>, <c>XIAOMI_ACTIVITY_SAMPLE</c>, …) holds one
/// row a minute: <c>TIMESTAMP</c> (Unix seconds), <c>DEVICE_ID</c>, <c>STEPS</c>, <c>HEART_RATE</c>, and columns this
/// importer does not use (<c>RAW_INTENSITY</c>, <c>RAW_KIND</c>). The device's name comes from the <c>DEVICE</c> table.
/// SQLite needs a file, so the upload is copied to a temporary file first (deleted afterwards); rows are then read
/// forward one at a time, so memory does not grow with the database.
/// </summary>
internal static class GadgetbridgeReader
{
    /// <summary>Gadgetbridge writes 0 or 255 in HEART_RATE when the band took no reading that minute.</summary>
    private const int NoHeartRate = 255;

    /// <summary>TIMESTAMPs (Unix seconds) a DateTimeOffset holds in any zone: a day inside the years 1–9999.</summary>
    private static readonly long FirstTimestamp = DateTimeOffset.MinValue.ToUnixTimeSeconds() + 86_400;

    private static readonly long LastTimestamp = DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 86_400;

    public static bool Recognises(string fileName, ReadOnlySpan<byte> head)
        => FileHead.IsSqlite(head)
            && (FileHead.BaseName(fileName).Contains("gadgetbridge", StringComparison.OrdinalIgnoreCase)
                || FileHead.Text(head).Contains("ACTIVITY_SAMPLE", StringComparison.Ordinal));

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wearables-gadgetbridge-{Guid.NewGuid():N}.db");
        try
        {
            await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.CopyToAsync(copy, cancellationToken);
            }

            // No pooling: the temporary file is deleted as soon as the import ends, so no handle may outlive it.
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            var (tables, devices) = await OpenAsync(connection, cancellationToken);
            foreach (var table in tables)
            {
                await foreach (var record in ReadTableAsync(connection, table, devices, context.LocalTimeZone, cancellationToken))
                {
                    yield return record;
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The sample tables and device names; a file SQLite cannot read as a database stops the import here.</summary>
    private static async Task<(List<SampleTable> Tables, Dictionary<long, string> Devices)> OpenAsync(
        SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            var tables = await SampleTablesAsync(connection, cancellationToken);
            if (tables.Count == 0)
            {
                throw new InvalidDataException(
                    "This SQLite database has no Gadgetbridge *_ACTIVITY_SAMPLE table with TIMESTAMP and STEPS or HEART_RATE columns.");
            }

            return (tables, await DeviceNamesAsync(connection, cancellationToken));
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"The file is not a readable SQLite database: {ex.Message}", ex);
        }
    }

    private static async IAsyncEnumerable<ImportRecord> ReadTableAsync(
        SqliteConnection connection, SampleTable table, Dictionary<long, string> devices, TimeZoneInfo zone,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT TIMESTAMP, {Column(table.HasDevice, "DEVICE_ID")}, {Column(table.HasSteps, "STEPS")}, {Column(table.HasHeartRate, "HEART_RATE")} "
            + $"FROM {Quote(table.Name)} ORDER BY TIMESTAMP";
        var (reader, failure) = await ExecuteAsync(command, cancellationToken);
        if (reader is null)
        {
            yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{table.Name}: the table cannot be read ({failure}); it is skipped.");
            yield break;
        }

        await using (reader)
        {
            while (await NextRowAsync(reader, cancellationToken) is { } row)
            {
                if (row.Failure is { } broken)
                {
                    // A damaged page: the rows before it were read; SQLite cannot go past it.
                    yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord,
                        $"{table.Name}: the database breaks after the rows read so far ({broken}); the rest of the table is not read.");
                    yield break;
                }

                var source = row.Device is { } id && devices.TryGetValue(id, out var name) ? name : null;
                var stamp = row.Timestamp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL";
                var where = row.Device is null ? $"{table.Name} TIMESTAMP={stamp}" : $"{table.Name} TIMESTAMP={stamp} DEVICE_ID={row.Device}";
                if (row.Timestamp is not { } timestamp || timestamp < FirstTimestamp || timestamp > LastTimestamp)
                {
                    yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: TIMESTAMP is not a time in Unix seconds.", source);
                    continue;
                }

                var start = Times.InZone(DateTimeOffset.FromUnixTimeSeconds(timestamp), zone);
                if (table.HasHeartRate)
                {
                    var heartRate = row.HeartRate ?? 0;
                    yield return heartRate is <= 0 or >= NoHeartRate
                        ? ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{where}: HEART_RATE {heartRate} means no reading.", source)
                        : Samples.Emit(Samples.Scalar(VitalCatalog.HeartRate, start, heartRate, "/min"), where, source);
                }

                if (table.HasSteps && row.Steps is { } steps)
                {
                    yield return steps < 0
                        ? ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{where}: STEPS {steps} means no reading.", source)
                        : Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, start.AddMinutes(1), steps, "{steps}"), where, source);
                }
            }
        }
    }

    /// <summary>The query's rows, or why SQLite cannot give them (a malformed database): async iterators cannot catch.</summary>
    private static async Task<(SqliteDataReader? Reader, string? Failure)> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return (await command.ExecuteReaderAsync(cancellationToken), null);
        }
        catch (SqliteException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The next row (TIMESTAMP, DEVICE_ID, STEPS, HEART_RATE, each possibly NULL), null at the end, or the failure that ends the table.</summary>
    private static async Task<Row?> NextRowAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new Row(Int64(reader, 0), Int64(reader, 1), Int64(reader, 2), Int64(reader, 3), null);
        }
        catch (SqliteException ex)
        {
            return new Row(null, null, null, null, ex.Message);
        }
    }

    private static long? Int64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static async Task<List<SampleTable>> SampleTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%ACTIVITY_SAMPLE' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new List<SampleTable>();
        foreach (var name in names)
        {
            var columns = await ColumnsAsync(connection, name, cancellationToken);
            if (columns.Contains("TIMESTAMP") && (columns.Contains("STEPS") || columns.Contains("HEART_RATE")))
            {
                tables.Add(new SampleTable(name, columns.Contains("DEVICE_ID"), columns.Contains("STEPS"), columns.Contains("HEART_RATE")));
            }
        }

        return tables;
    }

    private static async Task<HashSet<string>> ColumnsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({Quote(table)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(1));
        }

        return columns;
    }

    private static async Task<Dictionary<long, string>> DeviceNamesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string>();
        var columns = await ColumnsAsync(connection, "DEVICE", cancellationToken);
        if (!columns.Contains("_id") || !columns.Contains("NAME"))
        {
            return names;
        }

        var alias = columns.Contains("ALIAS") ? "NULLIF(ALIAS, '')" : "NULL";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT _id, COALESCE({alias}, NAME) FROM DEVICE";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1))
            {
                names[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return names;
    }

    private static string Column(bool present, string name) => present ? name : "NULL";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record SampleTable(string Name, bool HasDevice, bool HasSteps, bool HasHeartRate);

    private sealed record Row(long? Timestamp, long? Device, long? Steps, long? HeartRate, string? Failure);
}
