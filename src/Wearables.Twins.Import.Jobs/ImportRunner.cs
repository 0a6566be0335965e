using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Grains;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Jobs;

/// <summary>
/// Runs one import: reads the file's records, sends the samples in envelopes of
/// <see cref="SamplesPerEnvelope"/> through the same pipeline as live telemetry (validation, durable log,
/// twins), and tallies what happened. The imported data arrives as one wearable per format and patient,
/// <c>import-{format}-{patient}</c>, bound to the patient.
/// </summary>
public sealed partial class ImportRunner(
    ImportFormats formats, TelemetryIngestor ingestor, IGrainFactory grains, TimeProvider time, ILogger<ImportRunner> logger)
{
    public const int SamplesPerEnvelope = 500;
    private const int AttemptsWhenUnavailable = 5;

    internal async Task RunAsync(ImportJob job, Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[ImportFormats.HeadBytes];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        content.Seek(0, SeekOrigin.Begin);
        var importer = formats.Find(job.Format, job.FileName, head.AsSpan(0, headLength))
            ?? throw new ImportFailedException(
                $"The file's format was not recognised; name it with --format (one of: {string.Join(", ", formats.Names)}).");
        job.Format = importer.Format;

        var deviceId = ImportDeviceId(importer.Format, job.PatientId);
        await grains.GetGrain<IWearableGrain>(deviceId).BindAsync(job.PatientId);

        var batch = new List<EnvelopeSample>(SamplesPerEnvelope);
        var recordNumbers = new List<long>(SamplesPerEnvelope);
        var batchIndex = 0;
        await foreach (var record in importer.ReadAsync(content, job.Context, cancellationToken))
        {
            job.Tally.Read();
            job.Tally.BytesReadNow(content.Position);
            if (record.Sample is { } sample)
            {
                sample.Source ??= ImportSources.Guess(record.Source, importer.Format).Name();
                batch.Add(sample);
                recordNumbers.Add(job.Tally.Records);
                if (batch.Count == SamplesPerEnvelope)
                {
                    await SendAsync(job, deviceId, batchIndex++, batch, recordNumbers, cancellationToken);
                    batch = new List<EnvelopeSample>(SamplesPerEnvelope);
                    recordNumbers.Clear();
                }
            }
            else
            {
                job.Tally.Reject(record.Reason ?? ImportReasons.UnreadableRecord, record.Detail);
            }
        }

        if (batch.Count > 0)
        {
            await SendAsync(job, deviceId, batchIndex, batch, recordNumbers, cancellationToken);
        }

        LogImported(logger, job.Id, importer.Format, job.Tally.Records, job.Tally.Imported, job.Tally.RejectedCount);
    }

    /// <summary>The wearable imported data is attributed to: readable when it fits, hashed when the patient id is long.</summary>
    public static string ImportDeviceId(string format, string patientId)
    {
        var id = $"import-{format}-{patientId}";
        return id.Length <= Identifiers.MaxLength
            ? id
            : $"import-{format}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientId)))[..32]}";
    }

    private async Task SendAsync(
        ImportJob job, string deviceId, int batchIndex, List<EnvelopeSample> samples, List<long> recordNumbers,
        CancellationToken cancellationToken)
    {
        var envelope = new TelemetryEnvelope
        {
            DeviceId = deviceId,
            // Derived from the file's content: importing the same file again resends the same messages.
            MessageId = $"{job.ContentKey}-{batchIndex}",
            SentAt = WireTime.Format(time.GetUtcNow()),
            Device = new EnvelopeDevice { Vendor = job.Format, Model = "import" },
            Samples = samples,
        };

        for (var attempt = 1; ; attempt++)
        {
            var report = await ingestor.IngestAsync(envelope, new IngestSource("import", deviceId), cancellationToken);
            if (report.Outcome == IngestOutcome.Unavailable && attempt < AttemptsWhenUnavailable)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken);
                continue;
            }

            Tally(job, report, recordNumbers);
            return;
        }
    }

    private static void Tally(ImportJob job, IngestReport report, List<long> recordNumbers)
    {
        if (report.Problem is { } problem)
        {
            for (var i = 0; i < recordNumbers.Count; i++)
            {
                job.Tally.Reject(problem.Reason, $"record {recordNumbers[i]}: {problem.Detail}");
            }

            return;
        }

        var inMessageDuplicates = 0;
        foreach (var verdict in report.Samples)
        {
            if (verdict.Status == SampleStatus.Rejected)
            {
                job.Tally.Reject(verdict.Reason!, $"record {recordNumbers[verdict.Index]}: {verdict.Detail}");
            }
            else if (verdict.Status == SampleStatus.Duplicate)
            {
                inMessageDuplicates++;
            }
        }

        var twinDuplicates = report.Duplicates - inMessageDuplicates;
        job.Tally.Stored(report.Accepted - twinDuplicates, report.Duplicates);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Import {JobId} ({Format}) finished: {Records} records read, {Imported} samples imported, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string jobId, string format, long records, long imported, long rejected);
}
