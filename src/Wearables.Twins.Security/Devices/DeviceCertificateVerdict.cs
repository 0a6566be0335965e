namespace Wearables.Twins.Security.Devices;

/// <summary>Whether a presented certificate identifies a device, and which one; or why not.</summary>
/// <param name="DeviceId">The device (the certificate's common name) when accepted.</param>
/// <param name="Serial">The certificate's serial number (hex), the registry's key.</param>
/// <param name="NotAfter">When the certificate expires; a session is refused from then on.</param>
/// <param name="Refusal">A stable reason code (<see cref="DeviceCertificateRefusals"/>) when refused.</param>
/// <param name="Detail">A sentence for logs and error bodies.</param>
public sealed record DeviceCertificateVerdict(string? DeviceId, string? Serial, DateTimeOffset NotAfter, string? Refusal, string? Detail)
{
    public bool IsAccepted => Refusal is null;

    public static DeviceCertificateVerdict Refused(string reason, string detail, string? serial = null)
        => new(null, serial, default, reason, detail);
}

/// <summary>Reason codes for refused device certificates, as counted in metrics and written to logs.</summary>
public static class DeviceCertificateRefusals
{
    public const string Untrusted = "untrusted_certificate";
    public const string Expired = "expired_certificate";
    public const string WrongUsage = "certificate_not_for_clients";
    public const string NoDeviceName = "certificate_without_device";
    public const string Revoked = "revoked_certificate";
    public const string Unregistered = "unregistered_certificate";
}
