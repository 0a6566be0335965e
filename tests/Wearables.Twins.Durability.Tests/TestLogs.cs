using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Wearables.Twins.Durability.Tests;

/// <summary>Opening logs with small settings, recognisable payloads, and direct access to segment files.</summary>
internal static class TestLogs
{
    public const int HeaderSize = 8;

    public static TelemetryLogOptions Options(string directory, long segmentSizeBytes = 64 * 1024 * 1024, int maxRecordBytes = 1024, int maxBatchBytes = 4 * 1024 * 1024)
        => new()
        {
            Directory = directory,
            SegmentSizeBytes = segmentSizeBytes,
            MaxRecordBytes = maxRecordBytes,
            MaxBatchBytes = maxBatchBytes,
        };

    public static Task<SegmentedTelemetryLog> OpenAsync(TelemetryLogOptions options, CapturingLogger? logger = null, TestHooks? hooks = null)
        => SegmentedTelemetryLog.OpenAsync(options, logger ?? (Microsoft.Extensions.Logging.ILogger<SegmentedTelemetryLog>)NullLogger<SegmentedTelemetryLog>.Instance, hooks, CancellationToken.None);

    /// <summary>A payload of <paramref name="size"/> bytes whose first four hold <paramref name="index"/>.</summary>
    public static byte[] Payload(int index, int size = 20)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)((index * 31) + i);
        }

        BinaryPrimitives.WriteInt32LittleEndian(bytes, index);
        return bytes;
    }

    public static int IndexOf(LogRecord record) => BinaryPrimitives.ReadInt32LittleEndian(record.Payload.Span);

    public static async Task<List<LogRecord>> ReadAllAsync(ITelemetryLog log, long from = 0)
    {
        var records = new List<LogRecord>();
        await foreach (var record in log.ReadAsync(from))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>The file format's naming: the segment's start position, 20 digits, <c>.seg</c>.</summary>
    public static string SegmentPath(string directory, long start)
        => Path.Combine(directory, start.ToString("D20", CultureInfo.InvariantCulture) + ".seg");

    public static long[] SegmentStarts(string directory)
        => [.. Directory.GetFiles(directory, "*.seg")
            .Select(p => long.Parse(Path.GetFileNameWithoutExtension(p), CultureInfo.InvariantCulture))
            .Order()];

    public static void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        stream.Write(bytes);
    }

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x5A));
    }
}
