namespace Wearables.Twins.Devices;

/// <summary>Bounds of a device's certificate registry, so its state stays small whatever an operator scripts.</summary>
public static class DeviceCredentialLimits
{
    /// <summary>Records kept per device; expired records, then barred serials, are dropped to make room.</summary>
    public const int MaxRecords = 16;

    public const int MaxReasonLength = 256;
}
