namespace Wearables.Twins.Security.Devices;

/// <summary>Device certificates (<c>Twins:Devices:Certificates:*</c>): the authority that signs them and how they are checked.</summary>
public sealed class DeviceCertificateOptions
{
    public const string Section = "Twins:Devices:Certificates";

    /// <summary>PEM certificate of the authority; default <c>{data}/security/device-ca.pem</c>, created on first use.</summary>
    public string? AuthorityCertificatePath { get; set; }

    /// <summary>PEM private key of the authority (mode 0600); default <c>{data}/security/device-ca-key.pem</c>. Never commit it.</summary>
    public string? AuthorityKeyPath { get; set; }

    /// <summary>How long an issued device certificate is valid.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Accept only certificates the registry recorded when it issued them (default). Turn off when another tool issues
    /// device certificates from the same authority; revocations are honoured either way.
    /// </summary>
    public bool RequireRegistered { get; set; } = true;

    /// <summary>
    /// How often a connected device's certificate is checked again against the registry: a revocation made through another
    /// silo takes effect within this time (at once on the silo that revoked it).
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public static string DefaultAuthorityCertificatePath(string dataDirectory) => Path.Combine(dataDirectory, "security", "device-ca.pem");

    public static string DefaultAuthorityKeyPath(string dataDirectory) => Path.Combine(dataDirectory, "security", "device-ca-key.pem");
}
