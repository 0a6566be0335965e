namespace Wearables.Twins.Ingest.Mqtt.Broker;

/// <summary>The topic layout devices publish to and read their rejects from.</summary>
public static class TelemetryTopics
{
    private const string Prefix = "wearables/";
    private const string TelemetrySuffix = "/telemetry";

    public static string Telemetry(string deviceId) => $"{Prefix}{deviceId}{TelemetrySuffix}";

    /// <summary>Where the broker tells a device (any MQTT version) what it refused and why.</summary>
    public static string Rejects(string deviceId) => $"{Prefix}{deviceId}/rejects";

    /// <summary>Extracts the device from <c>wearables/{deviceId}/telemetry</c>.</summary>
    public static bool TryParseTelemetry(string topic, out string deviceId)
    {
        deviceId = string.Empty;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(TelemetrySuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = topic.AsSpan(Prefix.Length, topic.Length - Prefix.Length - TelemetrySuffix.Length);
        if (id.IsEmpty || id.Contains('/'))
        {
            return false;
        }

        deviceId = id.ToString();
        return true;
    }
}
