namespace Wearables.Twins.Security;

/// <summary>Fixed names of the embedded profile's own token issuer.</summary>
public static class LocalIssuer
{
    public const string Issuer = "urn:wearables-twins:local";
    public const string Audience = "wearables-twins";

    /// <summary>Where the signing key lives under the data directory (created on first use, readable by its owner only).</summary>
    public static string KeyPath(string dataDirectory) => Path.Combine(dataDirectory, "security", "local-issuer-key.pem");
}
