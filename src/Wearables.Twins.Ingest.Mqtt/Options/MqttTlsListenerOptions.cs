namespace Wearables.Twins.Ingest.Mqtt.Options;

/// <summary>
/// The broker's TLS listener (<c>Twins:Mqtt:Tls:*</c>). Every client must present a certificate from the device authority
/// (<c>Twins:Devices:Certificates</c>); its common name is the only device it may publish as. The server certificate
/// comes from <c>Twins:Tls</c>.
/// </summary>
public sealed class MqttTlsListenerOptions
{
    public bool Enabled { get; set; }

    public int Port { get; set; } = 8883;

    /// <summary>Address to bind; null: the plain listener's <see cref="MqttBrokerOptions.BindAddress"/>.</summary>
    public string? BindAddress { get; set; }
}
