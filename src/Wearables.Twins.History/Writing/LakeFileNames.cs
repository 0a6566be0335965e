using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wearables.Twins.History.Writing;

/// <summary>
/// File names derived from content: the same rows (ignoring when they were ingested) always get the same name, so a
/// retried flush, a replayed batch or a re-run compaction overwrites its earlier file instead of adding a copy.
/// </summary>
internal static class LakeFileNames
{
    /// <summary>A flush of small batches.</summary>
    public const string FlushPrefix = "s-";

    /// <summary>A compacted daily file.</summary>
    public const string DailyPrefix = "d-";

    /// <summary>A file rewritten by an erasure.</summary>
    public const string ErasedPrefix = "e-";

    public static string Name(string prefix, IReadOnlyList<HistoryRow> rows)
        => prefix + ContentHash(rows) + Schema.LakeSchema.FileExtension;

    public static string ContentHash(IReadOnlyList<HistoryRow> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var row in rows)
        {
            var sample = row.Sample;
            AppendText(hash, row.PatientId);
            AppendText(hash, row.DeviceId);
            AppendLong(hash, number, (long)sample.Source);
            AppendLong(hash, number, sample.Type.Id);
            AppendLong(hash, number, sample.Time.UtcTicks);
            AppendLong(hash, number, (long)sample.Time.Offset.TotalMinutes);
            AppendLong(hash, number, sample.End?.UtcTicks ?? long.MinValue);
            AppendLong(hash, number, BitConverter.DoubleToInt64Bits(sample.Value));
            AppendLong(hash, number, BitConverter.DoubleToInt64Bits(sample.Value2));
            AppendLong(hash, number, sample.Qualifier);
            var series = sample.Series.IsDefault ? [] : sample.Series;
            AppendLong(hash, number, series.Length);
            foreach (var value in series)
            {
                AppendLong(hash, number, BitConverter.DoubleToInt64Bits(value));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    public static string DailyName(DateOnly date, IReadOnlyList<HistoryRow> rows)
        => string.Create(CultureInfo.InvariantCulture, $"{DailyPrefix}{date:yyyyMMdd}-{ContentHash(rows)}{Schema.LakeSchema.FileExtension}");

    private static void AppendText(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static void AppendLong(IncrementalHash hash, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
