using System.Collections.Immutable;

namespace Wearables.Twins.Devices;

/// <summary>
/// The certificates issued to one device (keyed by device id) and their revocations. Every silo's MQTT broker and
/// HTTP door asks it about the serial a device presents, so a revocation is honoured cluster-wide.
/// </summary>
[Alias("Wearables.Twins.IDeviceCredentialsGrain")]
public interface IDeviceCredentialsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a newly issued certificate; false when the registry is full of records of issued, unexpired certificates
    /// (revoked ones count: they must stay to stay revoked). Expired records and barred serials make room.
    /// </summary>
    [Alias("RecordIssued")]
    ValueTask<bool> RecordIssuedAsync(DeviceCertificateRecord record);

    /// <summary>The device's certificates, newest first.</summary>
    [Alias("List"), ReadOnly]
    ValueTask<ImmutableArray<DeviceCertificateRecord>> ListAsync();

    /// <summary>
    /// Revokes the certificate with <paramref name="serial"/>, or every unrevoked one when it is null, and returns what
    /// this call revoked. A serial the registry never saw is recorded as revoked, so certificates issued elsewhere by
    /// the same authority can be barred too.
    /// </summary>
    [Alias("Revoke")]
    ValueTask<ImmutableArray<DeviceCertificateRecord>> RevokeAsync(string? serial, string revokedBy, string? reason);

    [Alias("GetStatus"), ReadOnly]
    ValueTask<DeviceCertificateStatus> GetStatusAsync(string serial);
}
