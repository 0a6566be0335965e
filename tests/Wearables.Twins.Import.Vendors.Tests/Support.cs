using System.Globalization;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Import.Vendors.Tests;

/// <summary>Reading fixtures through an importer, and checking samples with the service's own validator.</summary>
internal static class Support
{
    private static readonly TelemetryDecoder Decoder = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36500) }), TimeProvider.System);

    public static string Fixture(string vendor, string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", vendor, name);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static async Task<List<ImportRecord>> ReadFileAsync(IHealthDataImporter importer, string path, TimeZoneInfo? zone = null, CsvColumnMapping? mapping = null)
    {
        await using var file = File.OpenRead(path);
        return await ReadAsync(importer, file, Path.GetFileName(path), zone, mapping);
    }

    public static async Task<List<ImportRecord>> ReadTextAsync(IHealthDataImporter importer, string text, string fileName, TimeZoneInfo? zone = null, CsvColumnMapping? mapping = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await ReadAsync(importer, stream, fileName, zone, mapping);
    }

    public static async Task<List<ImportRecord>> ReadAsync(IHealthDataImporter importer, Stream stream, string fileName, TimeZoneInfo? zone = null, CsvColumnMapping? mapping = null)
    {
        var context = new ImportContext { FileName = fileName, LocalTimeZone = zone ?? TimeZoneInfo.Utc, CsvMapping = mapping };
        var records = new List<ImportRecord>();
        await foreach (var record in importer.ReadAsync(stream, context))
        {
            Assert.True(record.Sample is not null ^ record.Reason is not null, "a record is either a sample or a rejection");
            if (record.Reason is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(record.Detail), "a rejection says where and why");
            }

            records.Add(record);
        }

        return records;
    }

    public static List<EnvelopeSample> SamplesOf(this IEnumerable<ImportRecord> records)
        => [.. records.Where(r => r.Sample is not null).Select(r => r.Sample!)];

    public static List<ImportRecord> Rejected(this IEnumerable<ImportRecord> records, string reason)
        => [.. records.Where(r => r.Reason == reason)];

    public static Dictionary<string, int> ReasonCounts(this IEnumerable<ImportRecord> records)
        => records.Where(r => r.Reason is not null).GroupBy(r => r.Reason!).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Every sample goes through the service's validator (the live-telemetry rules) and must be accepted.</summary>
    public static void AssertAllAccepted(IReadOnlyList<EnvelopeSample> samples)
    {
        Assert.NotEmpty(samples);
        foreach (var chunk in samples.Chunk(1000))
        {
            var decoded = Decoder.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = chunk });
            Assert.Null(decoded.Problem);
            var refused = decoded.Verdicts.Where(v => v.Status != SampleStatus.Accepted).ToList();
            Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused.Take(5).Select(v =>
                $"{v.Status} {v.Reason}: {v.Detail} ({Describe(chunk[v.Index])})")));
        }
    }

    public static string Describe(EnvelopeSample s)
        => $"{s.Type} {s.Time}..{s.End} value={s.Value} {s.Systolic}/{s.Diastolic} stage={s.Stage} unit={s.Unit}";

    public static DateTimeOffset Time(this EnvelopeSample sample) => DateTimeOffset.Parse(sample.Time!, CultureInfo.InvariantCulture);

    public static DateTimeOffset End(this EnvelopeSample sample) => DateTimeOffset.Parse(sample.End!, CultureInfo.InvariantCulture);
}
