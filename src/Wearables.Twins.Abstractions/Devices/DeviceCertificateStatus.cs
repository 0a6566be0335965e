namespace Wearables.Twins.Devices;

/// <summary>What the registry knows about a certificate serial presented by a device.</summary>
public enum DeviceCertificateStatus
{
    /// <summary>Issued to this device and not revoked.</summary>
    Active,

    /// <summary>Revoked: refused from now on, wherever it is presented.</summary>
    Revoked,

    /// <summary>Never recorded for this device (issued elsewhere, or for another device).</summary>
    Unknown,
}
