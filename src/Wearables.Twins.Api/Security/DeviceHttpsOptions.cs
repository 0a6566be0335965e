namespace Wearables.Twins.Api.Security;

/// <summary>
/// The HTTPS door for devices (<c>Twins:Http:Tls:*</c>): an extra Kestrel endpoint that asks for a client certificate, so
/// a device can post telemetry with its certificate instead of a token. It serves the whole API; people keep using tokens.
/// </summary>
public sealed class DeviceHttpsOptions
{
    public const string Section = "Twins:Http:Tls";

    public bool Enabled { get; set; }

    public int Port { get; set; } = 5443;

    /// <summary>Loopback by default, like the other doors; <c>0.0.0.0</c> to serve devices on the network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
