using Microsoft.Extensions.Options;

namespace Wearables.Twins.Security.Devices;

/// <summary>
/// Loads the device authority on first use, so a host that never provisions a device nor opens a TLS door never creates one.
/// </summary>
public sealed class DeviceCertificateAuthorityProvider(IOptions<DeviceCertificateOptions> options, TimeProvider time, string dataDirectory)
    : IDisposable
{
    private readonly Lazy<DeviceCertificateAuthority> _authority = new(() => DeviceCertificateAuthority.Load(
        options.Value.AuthorityCertificatePath ?? DeviceCertificateOptions.DefaultAuthorityCertificatePath(dataDirectory),
        options.Value.AuthorityKeyPath ?? DeviceCertificateOptions.DefaultAuthorityKeyPath(dataDirectory),
        create: true,
        time));

    public DeviceCertificateAuthority Authority => _authority.Value;

    public void Dispose()
    {
        if (_authority.IsValueCreated)
        {
            _authority.Value.Dispose();
        }
    }
}
