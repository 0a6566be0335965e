using System.IO.Compression;
using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;

namespace Wearables.Twins.Import.Vendors.Fitbit;

/// <summary>
/// A zipped Fitbit export — a Fitabase folder of <c>*_merged.csv</c> files, or the account export's JSON files —
/// uploaded as one file. Because every granularity arrives together, the finest one wins: entries are read
/// minute data first, then hourly, then daily, and a coarser total is left out (<c>superseded_by_finer_data</c>)
/// for an hour or a day that finer data already covers. Entries are decompressed one at a time as streams.
/// </summary>
internal static class FitbitArchiveReader
{
    public static bool Recognises(ReadOnlySpan<byte> head)
        => FileHead.FirstZipEntryName(head) is { } name
            && (name.Contains("fitbit", StringComparison.OrdinalIgnoreCase)
                || name.Contains("fitabase", StringComparison.OrdinalIgnoreCase)
                || Rank(name) < int.MaxValue);

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A ZIP is read from its central directory at the end: it needs a seekable stream. An upload arrives as a
        // file; anything else is first copied to a temporary file rather than into memory.
        Stream? copy = null;
        try
        {
            var seekable = stream;
            if (!stream.CanSeek)
            {
                copy = new FileStream(Path.Combine(Path.GetTempPath(), $"wearables-fitbit-{Guid.NewGuid():N}.zip"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await stream.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                seekable = copy;
            }

            using var archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            var state = new FitbitImportState(trackCoverage: true);
            var entries = archive.Entries
                .Where(e => !string.IsNullOrEmpty(e.Name))
                .Select(e => (Entry: e, Rank: Rank(e.FullName)))
                .OrderBy(e => e.Rank)
                .ThenBy(e => e.Entry.FullName, StringComparer.Ordinal)
                .ToList();
            foreach (var (entry, rank) in entries)
            {
                if (rank == int.MaxValue)
                {
                    yield return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType,
                        $"{entry.FullName}: not a Fitbit file this importer reads.");
                    continue;
                }

                await using var content = entry.Open();
                var records = entry.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? FitbitJsonParser.ReadAsync(content, entry.FullName, context, state, cancellationToken)
                    : FitabaseCsvParser.ReadAsync(content, context, state, entry.FullName, cancellationToken);
                await foreach (var record in records)
                {
                    yield return record;
                }
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    /// <summary>Reading order: minute and per-reading files first, then hourly, then daily; int.MaxValue for other files.</summary>
    private static int Rank(string fullName)
    {
        var name = FileHead.BaseName(fullName);
        return name switch
        {
            _ when name.StartsWith("minuteStepsNarrow", StringComparison.OrdinalIgnoreCase) => 0,
            _ when name.StartsWith("steps-", StringComparison.OrdinalIgnoreCase) && Is(name, ".json") => 0,
            _ when name.StartsWith("heartrate_seconds", StringComparison.OrdinalIgnoreCase) => 0,
            _ when name.StartsWith("heart_rate-", StringComparison.OrdinalIgnoreCase) && Is(name, ".json") => 0,
            _ when name.StartsWith("hourlySteps", StringComparison.OrdinalIgnoreCase) => 1,
            _ when name.StartsWith("dailySteps", StringComparison.OrdinalIgnoreCase) => 2,
            _ when name.StartsWith("dailyActivity", StringComparison.OrdinalIgnoreCase) => 2,
            _ => int.MaxValue,
        };

        static bool Is(string name, string extension) => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
    }
}
