using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple.Tests;

internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));

    public static async Task<List<ImportRecord>> ReadAsync(string name)
    {
        await using var file = Open(name);
        return await Importer.ReadAllAsync(file, name);
    }

    /// <summary>An export.zip laid out like Apple's: apple_health_export/ with export.xml, export_cda.xml and ECG CSVs.</summary>
    public static MemoryStream Zip(params (string Path, byte[] Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                var entry = archive.CreateEntry(path, CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

internal static class Importer
{
    public static async Task<List<ImportRecord>> ReadAllAsync(Stream content, string fileName = "export.xml")
    {
        var records = new List<ImportRecord>();
        await foreach (var record in new AppleHealthImporter().ReadAsync(content, new ImportContext { FileName = fileName }))
        {
            records.Add(record);
        }

        return records;
    }

    public static Task<List<ImportRecord>> ReadXmlAsync(string xml)
        => ReadAllAsync(new MemoryStream(Fixtures.Utf8(xml)));

    public static List<EnvelopeSample> Samples(this IEnumerable<ImportRecord> records)
        => [.. records.Where(r => r.Sample is not null).Select(r => r.Sample!)];

    public static List<ImportRecord> Rejections(this IEnumerable<ImportRecord> records)
        => [.. records.Where(r => r.Sample is null)];

    public static List<EnvelopeSample> OfType(this IEnumerable<ImportRecord> records, string type)
        => [.. records.Samples().Where(s => s.Type == type)];
}

/// <summary>The service's own validation, exactly as live telemetry gets it.</summary>
internal static class Service
{
    private static readonly TelemetryDecoder Decoder = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36500) }), TimeProvider.System);

    /// <summary>Validates one sample alone (so that two readings at the same instant are not counted as duplicates).</summary>
    public static VitalSample Accept(EnvelopeSample sample)
    {
        var decoded = Decoder.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = [sample] });
        Assert.Null(decoded.Problem);
        var verdict = Assert.Single(decoded.Verdicts);
        Assert.True(verdict.Status == SampleStatus.Accepted, $"{sample.Type} at {sample.Time} was {verdict.Status}: {verdict.Reason} {verdict.Detail}");
        return Assert.Single(decoded.Accepted);
    }

    public static void AcceptAll(IEnumerable<ImportRecord> records)
    {
        foreach (var sample in records.Samples())
        {
            Accept(sample);
        }
    }
}
