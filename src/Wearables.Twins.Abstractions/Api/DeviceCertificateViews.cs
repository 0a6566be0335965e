using Wearables.Twins.Devices;

namespace Wearables.Twins.Api.Views;

/// <summary>Body of <c>POST /api/v1/devices/{id}/certificates</c>: a PKCS#10 request to keep the key on the device, or nothing.</summary>
public sealed record ProvisionDeviceRequest(string? Csr);

/// <summary>Body of a revocation: why (kept in the registry and the audit log).</summary>
public sealed record RevokeDeviceCertificateRequest(string? Reason);

/// <summary>A certificate in a device's registry.</summary>
public sealed record DeviceCertificateView(
    string Serial,
    string? Thumbprint,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    string Status,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RevocationReason)
{
    public static DeviceCertificateView From(DeviceCertificateRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var known = !record.IsBarred;
        return new(record.Serial, known ? record.Thumbprint : null, known ? record.NotBefore : null, known ? record.NotAfter : null,
            record.IssuedAt, record.IssuedBy,
            record.IsRevoked ? "revoked" : now >= record.NotAfter ? "expired" : "active",
            record.RevokedAt, record.RevokedBy, record.RevocationReason);
    }
}

/// <summary>A newly provisioned certificate, shown once: the private key (when the service made it) is not kept anywhere.</summary>
public sealed record ProvisionedDeviceView(
    string DeviceId,
    DeviceCertificateView Certificate,
    string CertificatePem,
    string? PrivateKeyPem,
    string AuthorityPem);
