namespace Wearables.Twins.Devices;

/// <summary>
/// One certificate issued to (or revoked for) a device. The serial is what the brokers and the HTTP door look up on
/// every connection; the thumbprint lets an operator match a file on a device to its record.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.DeviceCertificateRecord")]
public sealed record DeviceCertificateRecord(
    [property: Id(0)] string Serial,
    [property: Id(1)] string Thumbprint,
    [property: Id(2)] DateTimeOffset NotBefore,
    [property: Id(3)] DateTimeOffset NotAfter,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] string IssuedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt = null,
    [property: Id(7)] string? RevokedBy = null,
    [property: Id(8)] string? RevocationReason = null)
{
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A serial revoked without ever being issued here: its thumbprint and validity are unknown.</summary>
    public bool IsBarred => Thumbprint.Length == 0;

    public bool IsActiveAt(DateTimeOffset now) => !IsRevoked && now >= NotBefore && now < NotAfter;
}
