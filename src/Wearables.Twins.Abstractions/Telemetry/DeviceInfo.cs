namespace Wearables.Twins.Telemetry;

/// <summary>What a wearable says about itself in an envelope; every field is optional.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.DeviceInfo")]
public sealed record DeviceInfo(
    [property: Id(0)] string? Vendor,
    [property: Id(1)] string? Model,
    [property: Id(2)] string? Firmware,
    [property: Id(3)] double? BatteryPercent);
