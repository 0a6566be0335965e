using MQTTnet.Protocol;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Pipeline;

namespace Wearables.Twins.Ingest.Mqtt.Broker;

/// <summary>Maps an ingest report to the MQTT 5 PUBACK reason a device sees.</summary>
internal static class PublishVerdict
{
    public static MqttPubAckReasonCode ReasonCode(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Outcome switch
        {
            IngestOutcome.Stored => MqttPubAckReasonCode.Success,
            IngestOutcome.Unavailable => MqttPubAckReasonCode.UnspecifiedError,
            IngestOutcome.Refused when report.Problem?.Reason == RejectReasons.DeviceMismatch => MqttPubAckReasonCode.NotAuthorized,
            IngestOutcome.Refused when report.Problem?.Reason == RejectReasons.PayloadTooLarge => MqttPubAckReasonCode.QuotaExceeded,
            _ => MqttPubAckReasonCode.PayloadFormatInvalid,
        };
    }

    /// <summary>MQTT 5 reason strings should stay short; the full report goes to the rejects topic.</summary>
    public static string? ReasonString(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Outcome == IngestOutcome.Stored && report.Rejected == 0)
        {
            return null;
        }

        var text = report.Summarize();
        return text.Length <= 256 ? text : string.Concat(text.AsSpan(0, 253), "...");
    }
}
