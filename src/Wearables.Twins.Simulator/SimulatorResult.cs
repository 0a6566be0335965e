using System.Globalization;
using System.Text;
using MQTTnet;

namespace Wearables.Twins.Simulator;

/// <summary>What a fleet run did.</summary>
public sealed record SimulatorResult
{
    public int Devices { get; init; }

    /// <summary>The root seed used; pass it as <c>--seed</c> to generate the same vitals again.</summary>
    public int Seed { get; init; }

    /// <summary>Messages published (and, at QoS 1, acknowledged with any reason code).</summary>
    public long Messages { get; init; }

    public long Samples { get; init; }

    public long PayloadBytes { get; init; }

    /// <summary>PUBACKs received (QoS 1 only).</summary>
    public long Acks { get; init; }

    /// <summary>PUBACKs by reason code. MQTT 3.1.1 PUBACKs carry none and count as success.</summary>
    public IReadOnlyDictionary<MqttClientPublishReasonCode, long> AcksByReason { get; init; }
        = new Dictionary<MqttClientPublishReasonCode, long>();

    /// <summary>PUBACKs with a reason code of 0x80 or above (the broker refused the message).</summary>
    public long NonSuccessAcks { get; init; }

    /// <summary>Publish attempts that failed on the connection and were retried.</summary>
    public long PublishFailures { get; init; }

    /// <summary>Messages given up because the run ended while they were being sent.</summary>
    public long Abandoned { get; init; }

    public long Connects { get; init; }

    public long Reconnects { get; init; }

    public long ConnectFailures { get; init; }

    public int BindsSucceeded { get; init; }

    public int BindsFailed { get; init; }

    public TimeSpan Elapsed { get; init; }

    public DateTimeOffset SimulatedStart { get; init; }

    /// <summary>Simulated time every device reached (the slowest one's).</summary>
    public DateTimeOffset SimulatedEnd { get; init; }

    /// <summary>The run was stopped by its cancellation token rather than by its duration.</summary>
    public bool Cancelled { get; init; }

    public double MessagesPerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : 0;

    public double SamplesPerSecond => Elapsed > TimeSpan.Zero ? Samples / Elapsed.TotalSeconds : 0;

    /// <summary>A few human-readable lines for the end of a CLI run.</summary>
    public string ToSummary()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Run {(Cancelled ? "stopped" : "finished")} after {Elapsed.TotalSeconds:0.0} s: {Devices} devices, seed {Seed}.");
        text.AppendLine(culture, $"  simulated  {SimulatedStart:yyyy-MM-dd HH:mm:ss} → {SimulatedEnd:yyyy-MM-dd HH:mm:ss} UTC ({(SimulatedEnd - SimulatedStart).TotalHours:0.##} h)");
        text.AppendLine(culture, $"  messages   {Messages} ({MessagesPerSecond:0.0}/s), samples {Samples} ({SamplesPerSecond:0.0}/s), {PayloadBytes / 1024.0:0.0} KiB");
        text.AppendLine(culture, $"  acks       {Acks}, non-success {NonSuccessAcks}{FormatReasons(AcksByReason)}");
        text.AppendLine(culture, $"  connection {Connects} connects, {Reconnects} reconnects, {ConnectFailures} failed connects, {PublishFailures} failed publishes, {Abandoned} abandoned");
        if (BindsSucceeded + BindsFailed > 0)
        {
            text.AppendLine(culture, $"  binding    {BindsSucceeded} bound, {BindsFailed} failed");
        }

        return text.ToString();
    }

    internal static string FormatReasons(IReadOnlyDictionary<MqttClientPublishReasonCode, long> reasons)
        => reasons.Count == 0
            ? string.Empty
            : " (" + string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}={r.Value}"))) + ")";
}
