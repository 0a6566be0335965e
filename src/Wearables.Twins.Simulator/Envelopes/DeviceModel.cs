namespace Wearables.Twins.Simulator.Envelopes;

/// <summary>
/// What a simulated wearable says about itself, and the units it reports in (some report °F or "bpm", which
/// the catalogue accepts and converts).
/// </summary>
public sealed record DeviceModel(string Vendor, string Model, string Firmware, string HeartRateUnit, string TemperatureUnit)
{
    /// <summary>The models handed out in turn to the simulated patients.</summary>
    public static readonly IReadOnlyList<DeviceModel> Catalogue =
    [
        new("Garmin", "Venu 3", "19.18", "bpm", "Cel"),
        new("Polar", "Ignite 3", "5.0.12", "/min", "Cel"),
        new("Withings", "ScanWatch 2", "2.4.1", "/min", "[degF]"),
        new("Fitbit", "Sense 2", "6.80", "bpm", "[degF]"),
        new("Samsung", "Galaxy Watch6", "R930XXU1", "/min", "Cel"),
    ];

    public static DeviceModel ForDevice(int deviceNumber)
        => Catalogue[(int)((uint)(deviceNumber + Catalogue.Count - 1) % (uint)Catalogue.Count)];
}
