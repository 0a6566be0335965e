namespace Wearables.Twins.Api.Security;

/// <summary>Request-rate limits per device and per person (<c>Twins:Limits</c>); token buckets, so short bursts pass.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Twins:Limits";

    /// <summary>Sustained HTTP telemetry requests per second for one device.</summary>
    public int DeviceRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests a device may send at once above the sustained rate.</summary>
    public int DeviceBurst { get; set; } = 40;

    /// <summary>Sustained API requests per second for one person.</summary>
    public int UserRequestsPerSecond { get; set; } = 20;

    public int UserBurst { get; set; } = 100;
}
