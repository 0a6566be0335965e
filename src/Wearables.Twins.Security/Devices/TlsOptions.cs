namespace Wearables.Twins.Security.Devices;

/// <summary>
/// The server certificate of the TLS doors (<c>Twins:Tls:*</c>): the MQTT broker's TLS listener and the HTTPS door for
/// devices. Give a certificate of your own, or let the device authority issue one for the names listed.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "Twins:Tls";

    /// <summary>PEM server certificate (with its chain); null: issued by the device authority at start-up.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>
    /// Names and addresses devices connect to, put in the issued certificate besides <c>localhost</c>, <c>127.0.0.1</c>,
    /// <c>::1</c> and the machine's name.
    /// </summary>
    public IList<string> HostNames { get; init; } = [];

    /// <summary>Lifetime of an issued server certificate; a new one is issued at every start.</summary>
    public TimeSpan IssuedLifetime { get; set; } = TimeSpan.FromDays(90);
}
