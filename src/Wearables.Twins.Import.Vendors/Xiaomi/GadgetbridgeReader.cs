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
            await connection.OpenAsync(cancellationToken);
            var tables = await SampleTablesAsync(connection, cancellationToken);
            if (tables.Count == 0)
            {
                throw new InvalidDataException(
                    "This SQLite database has no Gadgetbridge *_ACTIVITY_SAMPLE table with TIMESTAMP and STEPS or HEART_RATE columns.");
            }

            var devices = await DeviceNamesAsync(connection, cancellationToken);
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

    private static async IAsyncEnumerable<ImportRecord> ReadTableAsync(
        SqliteConnection connection, SampleTable table, Dictionary<long, string> devices, TimeZoneInfo zone,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT TIMESTAMP, {Column(table.HasDevice, "DEVICE_ID")}, {Column(table.HasSteps, "STEPS")}, {Column(table.HasHeartRate, "HEART_RATE")} "
            + $"FROM {Quote(table.Name)} ORDER BY TIMESTAMP";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var timestamp = reader.GetInt64(0);
            long? device = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            var source = device is { } id && devices.TryGetValue(id, out var name) ? name : null;
            var where = device is null ? $"{table.Name} TIMESTAMP={timestamp}" : $"{table.Name} TIMESTAMP={timestamp} DEVICE_ID={device}";
            var start = Times.InZone(DateTimeOffset.FromUnixTimeSeconds(timestamp), zone);

            if (table.HasHeartRate)
            {
                var heartRate = reader.IsDBNull(3) ? 0 : reader.GetInt64(3);
                yield return heartRate is <= 0 or >= NoHeartRate
                    ? ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{where}: HEART_RATE {heartRate} means no reading.", source)
                    : Samples.Emit(Samples.Scalar(VitalCatalog.HeartRate, start, heartRate, "/min"), where, source);
            }

            if (table.HasSteps && !reader.IsDBNull(2))
            {
                var steps = reader.GetInt64(2);
                yield return steps < 0
                    ? ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{where}: STEPS {steps} means no reading.", source)
                    : Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, start.AddMinutes(1), steps, "{steps}"), where, source);
            }
        }
    }

    private static async Task<List<SampleTable>> SampleTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%ACTIVITY_SAMPLE' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"The file is not a readable SQLite database: {ex.Message}", ex);
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
}
