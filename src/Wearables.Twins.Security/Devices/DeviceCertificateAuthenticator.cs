using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Wearables.Twins.Devices;

namespace Wearables.Twins.Security.Devices;

/// <summary>
/// Decides whether a presented client certificate is a device, the same way for the MQTT broker and the HTTPS door: the
/// authority's chain first, then the registry (revoked is always refused; unknown is refused unless configured otherwise).
/// </summary>
public sealed class DeviceCertificateAuthenticator(
    DeviceCertificateAuthorityProvider authorities,
    IGrainFactory grains,
    IOptions<DeviceCertificateOptions> options,
    TimeProvider time)
{
    public TimeSpan RecheckInterval => options.Value.RecheckInterval;

    /// <summary>The chain check alone, for the TLS handshake (which cannot wait on a grain).</summary>
    public bool IsIssuedByAuthority(X509Certificate2 presented)
        => DeviceCertificateValidator.Validate(presented, authorities.Authority.Certificate, time.GetUtcNow()).IsAccepted;

    public async ValueTask<DeviceCertificateVerdict> AuthenticateAsync(X509Certificate2 presented)
    {
        var verdict = DeviceCertificateValidator.Validate(presented, authorities.Authority.Certificate, time.GetUtcNow());
        return verdict.IsAccepted ? await CheckRegistryAsync(verdict) : verdict;
    }

    /// <summary>Asks the registry again about a certificate accepted earlier (a long-lived MQTT session).</summary>
    public async ValueTask<DeviceCertificateVerdict> CheckRegistryAsync(DeviceCertificateVerdict accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.DeviceId is null || accepted.Serial is null)
        {
            return accepted;
        }

        if (time.GetUtcNow() >= accepted.NotAfter)
        {
            return DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.Expired,
                $"The certificate {accepted.Serial} expired at {accepted.NotAfter:O}.", accepted.Serial);
        }

        var status = await grains.GetGrain<IDeviceCredentialsGrain>(accepted.DeviceId).GetStatusAsync(accepted.Serial);
        return status switch
        {
            DeviceCertificateStatus.Revoked => DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.Revoked,
                $"The certificate {accepted.Serial} of device '{accepted.DeviceId}' has been revoked.", accepted.Serial),
            DeviceCertificateStatus.Unknown when options.Value.RequireRegistered => DeviceCertificateVerdict.Refused(DeviceCertificateRefusals.Unregistered,
                $"The certificate {accepted.Serial} was never issued to device '{accepted.DeviceId}' by this service.", accepted.Serial),
            _ => accepted,
        };
    }
}
