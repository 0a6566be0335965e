using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;

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
        Stream stream = seekable ? new MemoryStream(file, writable: false) : new ForwardOnlyStream(file);
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

    /// <summary>A stream that reads forward only and hands out few bytes at a time, like a network upload.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
