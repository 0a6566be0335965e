using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>
/// The one pipeline both doors share: decode → validate → append to the durable log → route to the twin.
/// The report it returns is what the sender is told; it is only positive once the samples are durable.
/// </summary>
public sealed partial class TelemetryIngestor(
    TelemetryDecoder decoder,
    TelemetryLogHost logHost,
    ApplyTracker tracker,
    BatchApplier applier,
    Serializer<TelemetryBatch> serializer,
    IngestMetrics metrics,
    TimeProvider time,
    ILogger<TelemetryIngestor> logger)
{
    public async ValueTask<IngestReport> IngestAsync(
        ReadOnlySequence<byte> payload, IngestSource source, CancellationToken cancellationToken = default)
    {
        metrics.Received(source.Transport);
        return await IngestDecodedAsync(decoder.Decode(payload), source, cancellationToken);
    }

    /// <summary>Ingests an envelope built in process (imports, FHIR), validated by the same rules as the wire.</summary>
    public ValueTask<IngestReport> IngestAsync(
        TelemetryEnvelope envelope, IngestSource source, CancellationToken cancellationToken = default)
    {
        metrics.Received(source.Transport);
        return IngestDecodedAsync(decoder.Decode(envelope), source, cancellationToken);
    }

    private async ValueTask<IngestReport> IngestDecodedAsync(
        DecodedEnvelope decoded, IngestSource source, CancellationToken cancellationToken)
    {
        if (decoded.Problem is { } problem)
        {
            return Refuse(problem, source, decoded.DeviceId, decoded.MessageId);
        }

        var deviceId = decoded.DeviceId!;
        if (source.DeviceId is not null && !string.Equals(source.DeviceId, deviceId, StringComparison.Ordinal))
        {
            metrics.ImpersonationDenied(source.Transport);
            return Refuse(new EnvelopeProblem(RejectReasons.DeviceMismatch,
                $"The envelope names device '{deviceId}' but was sent as device '{source.DeviceId}'; a device may only publish as itself."),
                source, deviceId, decoded.MessageId);
        }

        var rejected = 0;
        foreach (var verdict in decoded.Verdicts)
        {
            if (verdict.Status == SampleStatus.Rejected)
            {
                rejected++;
                metrics.Rejected(verdict.Reason!);
            }
        }

        var inMessageDuplicates = decoded.Verdicts.Length - rejected - decoded.Accepted.Length;
        if (decoded.Accepted.IsEmpty)
        {
            return new IngestReport(IngestOutcome.NothingStored, deviceId, decoded.MessageId, 0, rejected,
                inMessageDuplicates, decoded.Verdicts, null);
        }

        var batch = new TelemetryBatch(deviceId, decoded.MessageId!, time.GetUtcNow(), decoded.Device, decoded.Accepted);
        var log = logHost.Log;
        var started = Stopwatch.GetTimestamp();
        var bound = tracker.BeginAppend(log.EndPosition);
        try
        {
            await log.AppendAsync(serializer.SerializeToArray(batch), cancellationToken);
        }
        catch (Exception ex)
        {
            tracker.EndAppend(bound, null, 0);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            LogAppendFailed(logger, ex, deviceId);
            return new IngestReport(IngestOutcome.Unavailable, deviceId, decoded.MessageId, 0, rejected,
                inMessageDuplicates, decoded.Verdicts,
                new EnvelopeProblem("unavailable", "The service could not make the samples durable; send the same message again."));
        }

        metrics.Durable(Stopwatch.GetElapsedTime(started));
        metrics.Accepted(decoded.Accepted.Length);
        var twinDuplicates = await applier.ApplyAsync(batch, bound);
        return new IngestReport(IngestOutcome.Stored, deviceId, decoded.MessageId, decoded.Accepted.Length,
            rejected, inMessageDuplicates + twinDuplicates, decoded.Verdicts, null);
    }

    private IngestReport Refuse(EnvelopeProblem problem, IngestSource source, string? deviceId, string? messageId)
    {
        metrics.Refused(problem.Reason);
        LogRefused(logger, source.Transport, deviceId ?? "(unknown)", problem.Reason);
        return IngestReport.Refused(problem, deviceId, messageId);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Refused an envelope over {Transport} from device {DeviceId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string transport, string deviceId, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "Samples from device {DeviceId} could not be made durable; the sender was told to retry")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string deviceId);
}
