namespace Wearables.Twins.Ingest.Mqtt.Options;

/// <summary>
/// Client mode (<c>Twins:Mqtt:Client:*</c>): silos read telemetry from an external broker (AWS IoT Core,
/// mosquitto, …) through a shared subscription, so several silos split one stream. Used instead of, or next
/// to, the embedded broker.
/// </summary>
public sealed class MqttClientModeOptions
{
    public const string Section = "Twins:Mqtt:Client";

    public bool Enabled { get; set; }

    /// <summary>Broker host name (IoT Core: the account's ATS endpoint, <c>xxxx-ats.iot.us-east-1.amazonaws.com</c>).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>8883 with TLS, 1883 without.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>
    /// MQTT client id; must be unique per silo and stable across its restarts, because it names the broker session
    /// that holds what the broker accepted for this silo while it was away. Defaults to <see cref="DefaultClientId"/>.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Shared-subscription group: every silo in it receives a share of the devices' messages.</summary>
    public string SharedGroup { get; set; } = "twins";

    /// <summary>Topic filter inside the group; <c>+</c> is the device id.</summary>
    public string TopicFilter { get; set; } = "wearables/+/telemetry";

    public bool UseTls { get; set; } = true;

    /// <summary>PEM file of the CA that signed the broker's certificate (Amazon Root CA 1 for IoT Core); null: the system store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM file of this silo's client certificate (mutual TLS).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM file of the client certificate's private key. Mount it from a secret; never put it in the repository.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>User name for brokers that take one besides (or instead of) a certificate.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>; from a secret or the environment, never from a committed file.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// AWS IoT Core refuses MQTT packets split over several TCP writes; turn on for it. Costs a copy per packet.
    /// </summary>
    public bool WithoutPacketFragmentation { get; set; }

    /// <summary>How long the broker keeps this silo's session (and the messages queued for it) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most unacknowledged messages the broker may send at once (MQTT 5 receive maximum).</summary>
    public int MaxInFlight { get; set; } = 256;

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting; doubles up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The client id when none is configured: <c>POD_NAME</c> (a StatefulSet pod's name, which its replacement
    /// keeps), else <c>twins-{machine name}</c>.
    /// </summary>
    public static string DefaultClientId()
        => Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : $"twins-{Environment.MachineName}";
}
