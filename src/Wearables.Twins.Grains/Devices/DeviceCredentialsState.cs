using Wearables.Twins.Devices;

namespace Wearables.Twins.Grains.Devices;

/// <summary>What a device's certificate registry persists: at most <see cref="DeviceCredentialLimits.MaxRecords"/> records.</summary>
[GenerateSerializer, Alias("Wearables.Twins.DeviceCredentialsState")]
public sealed class DeviceCredentialsState
{
    [Id(0)]
    public List<DeviceCertificateRecord> Certificates { get; init; } = [];
}
