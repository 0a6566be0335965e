using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Testing.Streams;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>Runs the importer over bytes and checks its samples against the service's own validation.</summary>
internal static class ImportHarness
{
    public static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(FixtureDirectory, name));

    public static async Task<List<ImportRecord>> ReadAllAsync(
        byte[] file, ImportContext? context = null, bool seekable = true)
    {
        var importer = new GarminFitImporter();
        Stream stream = seekable ? new MemoryStream(file, writable: false) : new TrickleStream(file, maxBytesPerRead: 7);
        await using (stream)
        {
            var records = new List<ImportRecord>();
            await foreach (var record in importer.ReadAsync(stream, context ?? new ImportContext { FileName = "test.fit" }))
            {
                records.Add(record);
            }

            return records;
        }
    }

    public static List<EnvelopeSample> Samples(this IEnumerable<ImportRecord> records, string? type = null)
        => [.. records.Where(r => r.Sample is not null && (type is null || r.Sample.Type == type)).Select(r => r.Sample!)];

    public static List<ImportRecord> Rejections(this IEnumerable<ImportRecord> records)
        => [.. records.Where(r => r.Sample is null)];

    /// <summary>Every sample must be accepted (not rejected, not a duplicate) by the ingest decoder, in envelopes of at most 1000.</summary>
    public static void AssertAllAccepted(IReadOnlyList<EnvelopeSample> samples)
    {
        Assert.NotEmpty(samples);
        var decoder = new TelemetryDecoder(
            Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(36500) }), TimeProvider.System);
        foreach (var (chunk, index) in samples.Chunk(1000).Select((chunk, index) => (chunk, index)))
        {
            var decoded = decoder.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = $"m-{index + 1}", Samples = chunk });
            Assert.Null(decoded.Problem);
            var refused = decoded.Verdicts.Where(v => v.Status != SampleStatus.Accepted)
                .Select(v => $"{v.Index}: {v.Status} {v.Reason} {v.Detail}").ToList();
            Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
            Assert.Equal(chunk.Length, decoded.Accepted.Length);
        }
    }
}
