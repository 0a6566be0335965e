using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Testing.Streams;

namespace Wearables.Twins.Import.Garmin.Tests.Properties;

/// <summary>Everything one import of a FIT file gave: its records, and the exception that ended it, if one did.</summary>
internal sealed record FitImportOutcome(IReadOnlyList<ImportRecord> Records, Exception? Failure)
{
    private static readonly TelemetryDecoder Service = new(
        Options.Create(new IngestOptions { MaxSampleAge = TimeSpan.FromDays(365_000) }), TimeProvider.System);

    public static async Task<FitImportOutcome> RunAsync(byte[] file, bool seekable, ImportContext? context = null)
    {
        var records = new List<ImportRecord>();
        Stream stream = seekable ? new MemoryStream(file, writable: false) : new TrickleStream(file, maxBytesPerRead: 13);
        await using (stream)
        {
            try
            {
                await foreach (var record in new GarminFitImporter().ReadAsync(stream, context ?? new ImportContext { FileName = "activity.fit" }))
                {
                    records.Add(record);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new FitImportOutcome(records, ex);
            }
        }

        return new FitImportOutcome(records, null);
    }

    /// <summary>
    /// The README's contract: <see cref="InvalidDataException"/> only when the stream does not start with a FIT header
    /// (too short, header size under 12, no ".FIT", protocol 3 or later, shorter than its header), and then before
    /// any record; otherwise every record is a sample or a rejection with a reason and a sentence, and the service
    /// judges every sample without an exception.
    /// </summary>
    public void AssertClear(byte[] file)
    {
        if (Failure is not null)
        {
            var headerBroken = file.Length < 12 || file[0] < 12 || !file.AsSpan(8, 4).SequenceEqual(".FIT"u8)
                || (file[1] >> 4) > 2 || file.Length < file[0];
            Assert.True(headerBroken && Failure is InvalidDataException && Records.Count == 0 && !string.IsNullOrWhiteSpace(Failure.Message),
                $"The import ended with {Failure.GetType().Name} after {Records.Count} records: {Failure.Message}\n{Failure.StackTrace}");
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
                Assert.False(string.IsNullOrWhiteSpace(record.Detail), $"Rejection without a detail: {record}");
            }
        }
    }
}
