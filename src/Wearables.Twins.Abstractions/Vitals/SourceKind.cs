namespace Wearables.Twins.Vitals;

/// <summary>
/// What kind of device or person measured a sample. Decides which source wins when two of a patient's sources
/// report the same measurement (see <see cref="VitalDefinition.SourceOrder"/> and docs/telemetry.md).
/// </summary>
public enum SourceKind : byte
{
    Unknown = 0,
    Watch = 1,
    Band = 2,
    Ring = 3,
    Phone = 4,
    Scale = 5,
    BloodPressureMonitor = 6,
    Thermometer = 7,
    PulseOximeter = 8,
    Patch = 9,
    App = 10,
    Manual = 11,
}
