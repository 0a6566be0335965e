using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Security.Devices;

/// <summary>The one server certificate both TLS doors present, loaded or issued on first use.</summary>
public sealed class TlsServerCertificate(IOptions<TlsOptions> options, DeviceCertificateAuthorityProvider authorities, TimeProvider time)
    : IDisposable
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => Create(options.Value, authorities, time));

    public X509Certificate2 Certificate => _certificate.Value;

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value.Dispose();
        }
    }

    private static X509Certificate2 Create(TlsOptions settings, DeviceCertificateAuthorityProvider authorities, TimeProvider time)
    {
        if (settings.CertificatePath is { } certificatePath)
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certificatePath, settings.KeyPath);
            return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), password: null);
        }

        string[] names = ["localhost", "127.0.0.1", "::1", Environment.MachineName, .. settings.HostNames];
        return authorities.Authority.IssueServerCertificate(names, time.GetUtcNow(), settings.IssuedLifetime);
    }
}
