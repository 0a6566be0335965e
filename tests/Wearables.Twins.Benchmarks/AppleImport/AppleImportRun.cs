using System.Diagnostics;
using System.Xml;
using Wearables.Twins.Import;
using Wearables.Twins.Import.Apple;

namespace Wearables.Twins.Benchmarks.AppleImport;

/// <summary>One timed pass over the file: a bare <see cref="XmlReader"/> scan or the Apple Health importer.</summary>
internal sealed record AppleImportRun(
    int Round, string Path, double Seconds, long Bytes, long Records, long Samples, long Rejections,
    long PeakWorkingSetGrowth, long PeakHeapGrowth, long HeapAfterCollection)
{
    public const string Bare = "bare XmlReader";
    public const string Importer = "importer";

    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public double RecordsPerSecond => Records / Seconds;

    /// <summary>Reads every node of the file with <see cref="XmlReader.Read"/>, counting elements.</summary>
    public static Task<AppleImportRun> ScanAsync(int round, string file, CancellationToken cancellationToken)
        => MeasureAsync(round, Bare, file, (stream, token) =>
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(stream, settings);
            long elements = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements++;
                    if (elements % 65536 == 0)
                    {
                        token.ThrowIfCancellationRequested();
                    }
                }
            }

            return Task.FromResult((elements, 0L, 0L));
        }, cancellationToken);

    /// <summary>Reads the file to the end with <see cref="AppleHealthImporter"/>, counting samples and rejections.</summary>
    public static Task<AppleImportRun> ImportAsync(int round, string file, CancellationToken cancellationToken)
        => MeasureAsync(round, Importer, file, async (stream, token) =>
        {
            var context = new ImportContext { FileName = "export.xml" };
            long samples = 0;
            long rejections = 0;
            await foreach (var record in new AppleHealthImporter().ReadAsync(stream, context, token))
            {
                if (record.Sample is not null)
                {
                    samples++;
                }
                else
                {
                    rejections++;
                }
            }

            return (samples + rejections, samples, rejections);
        }, cancellationToken);

    private static async Task<AppleImportRun> MeasureAsync(
        int round, string path, string file, Func<Stream, CancellationToken, Task<(long Records, long Samples, long Rejections)>> read,
        CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var bytes = new FileInfo(file).Length;
        (long Records, long Samples, long Rejections) counts;
        TimeSpan elapsed;
        long workingSetGrowth;
        long heapGrowth;
        using (var memory = new MemorySampler())
        {
            var wall = Stopwatch.StartNew();
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true))
            {
                counts = await read(stream, cancellationToken);
            }

            elapsed = wall.Elapsed;
            memory.Dispose();
            workingSetGrowth = memory.WorkingSetGrowth;
            heapGrowth = memory.HeapGrowth;
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        return new AppleImportRun(round, path, elapsed.TotalSeconds, bytes, counts.Records, counts.Samples, counts.Rejections,
            workingSetGrowth, heapGrowth, heapAfter);
    }
}
