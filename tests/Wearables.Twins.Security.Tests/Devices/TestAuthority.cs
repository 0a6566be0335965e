using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Security.Tests.Devices;

/// <summary>Device authorities on disk in a temporary directory, and certificates the authority would never issue itself.</summary>
internal static class TestAuthority
{
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>A fixed instant, so lifetimes compare exactly (certificates keep whole seconds).</summary>
    public static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string CertificatePath(string root) => Path.Combine(root, "security", "device-ca.pem");

    public static string KeyPath(string root) => Path.Combine(root, "security", "device-ca-key.pem");

    public static DeviceCertificateAuthority Create(string root, DateTimeOffset? at = null)
        => DeviceCertificateAuthority.Load(CertificatePath(root), KeyPath(root), create: true, new FakeTimeProvider(at ?? Created));

    /// <summary>A certificate signed by <paramref name="authority"/> with whatever subject and usages the test wants.</summary>
    public static X509Certificate2 SignedBy(
        DeviceCertificateAuthority authority, X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var oids = new OidCollection();
        foreach (var usage in usages)
        {
            oids.Add(new Oid(usage));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority.Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        using var issued = request.Create(authority.Certificate, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    public static X500DistinguishedName CommonName(string name)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(name);
        return builder.Build();
    }

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => new(certificate.NotAfter.ToUniversalTime());

    public static DateTimeOffset NotBefore(X509Certificate2 certificate) => new(certificate.NotBefore.ToUniversalTime());
}
