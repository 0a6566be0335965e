using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wearables.Twins.Simulator.Tests;

/// <summary>
/// A certificate authority made for one test, issuing what the service's device authority issues: a broker certificate
/// for 127.0.0.1 and device client certificates (CN = device id) written as <c>twins devices provision</c> writes them.
/// </summary>
internal sealed class TestAuthority : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2 _certificate;

    public TestAuthority(string name = "test device CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>The broker's certificate, for 127.0.0.1 and localhost, with a stored key SslStream can use on every platform.</summary>
    public X509Certificate2 IssueServerCertificate()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = Issue("CN=localhost", key, ServerAuthentication, names.Build());
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Writes <c>{commonName}.crt.pem</c> and <c>{commonName}.key.pem</c> into <paramref name="directory"/>, under <paramref name="fileName"/> when given.</summary>
    public void WriteDeviceCertificate(string directory, string commonName, string? fileName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = Issue($"CN={commonName}", key, ClientAuthentication, san: null);
        File.WriteAllText(Path.Combine(directory, $"{fileName ?? commonName}.crt.pem"), issued.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, $"{fileName ?? commonName}.key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => _certificate.Dispose();

    private X509Certificate2 Issue(string subject, ECDsa key, Oid usage, X509Extension? san)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        return request.Create(_certificate, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), RandomNumberGenerator.GetBytes(16));
    }
}
