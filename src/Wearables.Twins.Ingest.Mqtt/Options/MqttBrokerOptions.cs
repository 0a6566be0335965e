namespace Wearables.Twins.Ingest.Mqtt.Options;

/// <summary>The embedded broker (<c>Twins:Mqtt:*</c>).</summary>
public sealed class MqttBrokerOptions
{
    public const string Section = "Twins:Mqtt";

    /// <summary>Run the in-process broker. Turn off when silos read from an external broker instead.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Open the plain (unencrypted, unauthenticated) listener. It trusts whoever reaches it, so it is for loopback and
    /// trusted networks; turn it off when devices connect over the TLS listener only.
    /// </summary>
    public bool PlainEnabled { get; set; } = true;

    /// <summary>TCP port of the plain MQTT listener.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Address the listener binds. Loopback by default: the plain listener authenticates nobody, so exposing
    /// it is a decision to make on purpose (e.g. <c>0.0.0.0</c> in a container).
    /// </summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Largest MQTT packet accepted, in bytes; larger envelopes are refused at the protocol level.</summary>
    public int MaxPacketBytes { get; set; } = 1024 * 1024;

    /// <summary>The TLS listener: devices authenticate with a client certificate whose common name is their device id.</summary>
    public MqttTlsListenerOptions Tls { get; init; } = new();
}
