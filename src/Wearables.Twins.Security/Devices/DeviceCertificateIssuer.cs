using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Wearables.Twins.Devices;

namespace Wearables.Twins.Security.Devices;

/// <summary>
/// Provisions and revokes device certificates: signs them with the local authority and records them in the device's
/// registry before handing them out, so a certificate that works is always one an operator can see and revoke.
/// </summary>
public sealed class DeviceCertificateIssuer(
    DeviceCertificateAuthorityProvider authorities,
    IGrainFactory grains,
    IEnumerable<IDeviceSessionTerminator> terminators,
    IOptions<DeviceCertificateOptions> options,
    TimeProvider time)
{
    public string AuthorityPem => authorities.Authority.CertificatePem;

    /// <summary>
    /// Issues a certificate for <paramref name="deviceId"/>: for the key in <paramref name="signingRequestPem"/> when given
    /// (the private key never leaves the device), else on a new key returned with it. Null when the device already holds
    /// <see cref="DeviceCredentialLimits.MaxRecords"/> unexpired certificates.
    /// </summary>
    /// <exception cref="CryptographicException">The signing request is malformed or its signature does not verify.</exception>
    public async ValueTask<ProvisionedDeviceCertificate?> ProvisionAsync(string deviceId, string? signingRequestPem, string issuedBy)
    {
        var now = time.GetUtcNow();
        var lifetime = options.Value.Lifetime;
        var authority = authorities.Authority;
        using var certificate = signingRequestPem is null
            ? authority.IssueWithNewKey(deviceId, now, lifetime)
            : authority.IssueForRequest(deviceId, signingRequestPem, now, lifetime);
        var record = new DeviceCertificateRecord(certificate.SerialNumber, certificate.GetCertHashString(HashAlgorithmName.SHA256),
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), now, issuedBy);
        if (!await grains.GetGrain<IDeviceCredentialsGrain>(deviceId).RecordIssuedAsync(record))
        {
            return null;
        }

        return new ProvisionedDeviceCertificate(record, certificate.ExportCertificatePem(),
            signingRequestPem is null ? PrivateKeyPem(certificate) : null, authority.CertificatePem);
    }

    public ValueTask<ImmutableArray<DeviceCertificateRecord>> ListAsync(string deviceId)
        => grains.GetGrain<IDeviceCredentialsGrain>(deviceId).ListAsync();

    /// <summary>Revokes one certificate (or all of the device's) and closes the device's sessions on this silo at once.</summary>
    public async ValueTask<ImmutableArray<DeviceCertificateRecord>> RevokeAsync(string deviceId, string? serial, string revokedBy, string? reason)
    {
        var revoked = await grains.GetGrain<IDeviceCredentialsGrain>(deviceId).RevokeAsync(serial, revokedBy, reason);
        if (!revoked.IsEmpty)
        {
            foreach (var terminator in terminators)
            {
                await terminator.TerminateAsync(deviceId, [.. revoked.Select(r => r.Serial)]);
            }
        }

        return revoked;
    }

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("A certificate issued on a new key carries that key.");
        return key.ExportPkcs8PrivateKeyPem();
    }
}
