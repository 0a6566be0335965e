using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Testing.Streams;

namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>Everything one import of a file gave: its records, and the exception that ended it, if one did.</summary>
internal sealed record ImportOutcome(IReadOnlyList<ImportRecord> Records, Exception? Failure)
{
    private static readonly TelemetryDecoder Service = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(365_000) }), TimeProvider.System);

    public static async Task<ImportOutcome> RunAsync(byte[] file, bool seekable, ImportContext? context = null)
    {
        var records = new List<ImportRecord>();
        Stream stream = seekable ? new MemoryStream(file, writable: false) : new TrickleStream(file, maxBytesPerRead: 4093);
        await using (stream)
        {
            try
            {
                await foreach (var record in new AppleHealthImporter().ReadAsync(stream, context ?? new ImportContext { FileName = "export" }))
                {
                    records.Add(record);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new ImportOutcome(records, ex);
            }
        }

        return new ImportOutcome(records, null);
    }

    /// <summary>
    /// The importer's contract (IHealthDataImporter): every record is a sample or a rejection with a reason and a
    /// sentence; the only exception is <see cref="InvalidDataException"/>, with a message, for a file that as a whole
    /// cannot be read, which for Apple means an archive (XML is read up to where it breaks). Every sample is then
    /// judged by the service's own validator without an exception: accepted, or rejected with a reason.
    /// </summary>
    public void AssertClear(bool isArchive)
    {
        if (Failure is not null)
        {
            Assert.True(isArchive && Failure is InvalidDataException && !string.IsNullOrWhiteSpace(Failure.Message),
                $"The import ended with {Failure.GetType().Name}: {Failure.Message}\n{Failure.StackTrace}");
        }

        foreach (var record in Records)
        {
            Assert.True(record.Sample is not null ^ record.Reason is not null, $"Neither a sample nor a rejection: {record}");
            if (record.Sample is { } sample)
            {
                var decoded = Service.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = [sample] });
                Assert.Null(decoded.Problem);
                var verdict = Assert.Single(decoded.Verdicts);
                Assert.True(verdict.Status == SampleStatus.Accepted || !string.IsNullOrWhiteSpace(verdict.Reason), $"{verdict}");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(record.Reason), $"Rejection without a reason: {record}");
                Assert.False(string.IsNullOrWhiteSpace(record.Detail), $"Rejection without a detail: {record}");
            }
        }
    }
}
