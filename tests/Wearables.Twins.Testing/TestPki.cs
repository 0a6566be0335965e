using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wearables.Twins.Testing;

/// <summary>
/// A throw-away certificate authority for TLS tests: a CA, a server certificate for 127.0.0.1 / localhost and
/// client certificates whose CN is a device (or service) id, all written as PEM files into a folder.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly X509Certificate2 _ca;

    public TestPki(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Wearables.Twins test CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        CaPath = Path.Combine(folder, "ca.pem");
        File.WriteAllText(CaPath, _ca.ExportCertificatePem());
        Server = Issue("server", "localhost", isServer: true);
    }

    public string Folder { get; }

    public string CaPath { get; }

    public PemPair Server { get; }

    /// <summary>A client certificate with CN = <paramref name="commonName"/> (a device id).</summary>
    public PemPair Client(string commonName) => Issue(commonName, commonName, isServer: false);

    public void Dispose() => _ca.Dispose();

    private PemPair Issue(string fileName, string commonName, bool isServer)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(isServer ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (isServer)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var certificate = request.Create(_ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        var pair = new PemPair(Path.Combine(Folder, fileName + ".pem"), Path.Combine(Folder, fileName + ".key"));
        File.WriteAllText(pair.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(pair.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return pair;
    }
}

/// <summary>A certificate and its private key as PEM files.</summary>
public sealed record PemPair(string CertificatePath, string KeyPath)
{
    public X509Certificate2 Load() => X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
}
