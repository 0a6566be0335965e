using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Testing.Streams;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>Everything one import gave: its records, and the exception that ended it, if one did.</summary>
internal sealed record VendorImportOutcome(IReadOnlyList<ImportRecord> Records, Exception? Failure)
{
    private static readonly TelemetryDecoder Service = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(365_000) }), TimeProvider.System);

    public static async Task<VendorImportOutcome> RunAsync(IHealthDataImporter importer, byte[] file, ImportContext context, bool seekable = true)
    {
        var records = new List<ImportRecord>();
        Stream stream = seekable ? new MemoryStream(file, writable: false) : new TrickleStream(file, maxBytesPerRead: 997);
        await using (stream)
        {
            try
            {
                await foreach (var record in importer.ReadAsync(stream, context))
                {
                    records.Add(record);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new VendorImportOutcome(records, ex);
            }
        }

        return new VendorImportOutcome(records, null);
    }

    /// <summary>
    /// The importers' contract (README): never stop for a bad record; throw only <see cref="InvalidDataException"/>,
    /// with a message, when the file as a whole cannot be read. Every record is a sample or a rejection with a reason
    /// and a sentence, and the service judges every sample without an exception.
    /// </summary>
    public void AssertClear()
    {
        if (Failure is not null)
        {
            Assert.True(Failure is InvalidDataException && !string.IsNullOrWhiteSpace(Failure.Message),
                $"The import ended with {Failure.GetType().Name} after {Records.Count} records: {Failure.Message}\n{Failure.StackTrace}");
        }

        foreach (var record in Records)
        {
            Assert.True(record.Sample is not null ^ record.Reason is not null, $"Neither a sample nor a rejection: {record}");
            if (record.Sample is { } sample)
            {
                var verdict = Verdict(sample);
                Assert.True(verdict.Status == SampleStatus.Accepted || !string.IsNullOrWhiteSpace(verdict.Reason), $"{verdict}");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(record.Detail), $"Rejection without a detail: {record}");
            }
        }
    }

    /// <summary>The service's verdict on one sample alone.</summary>
    public static SampleVerdict Verdict(EnvelopeSample sample)
    {
        var decoded = Service.Decode(new TelemetryEnvelope { DeviceId = "import-test", MessageId = "m-1", Samples = [sample] });
        Assert.Null(decoded.Problem);
        return Assert.Single(decoded.Verdicts);
    }
}
