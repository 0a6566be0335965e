namespace Wearables.Twins.Vitals;

/// <summary>
/// The source-priority orders the catalogue gives its vitals, best first. Kinds not listed rank after every
/// listed one, <see cref="SourceKind.Unknown"/> last of all. The reasoning is in docs/telemetry.md.
/// </summary>
public static class SourceOrders
{
    /// <summary>
    /// Physiological signals: a device built for the measurement beats a worn one; worn devices sample
    /// continuously and beat a phone; numbers a person typed in come last.
    /// </summary>
    public static IReadOnlyList<SourceKind> Physiological { get; } =
    [
        SourceKind.Patch, SourceKind.PulseOximeter, SourceKind.BloodPressureMonitor, SourceKind.Thermometer,
        SourceKind.Watch, SourceKind.Ring, SourceKind.Band, SourceKind.Phone, SourceKind.App, SourceKind.Manual,
    ];

    /// <summary>
    /// Movement totals: what is worn all day counts more of the day's steps than a phone left on a desk
    /// (HealthKit's own default puts Apple Watch before iPhone).
    /// </summary>
    public static IReadOnlyList<SourceKind> Activity { get; } =
    [
        SourceKind.Watch, SourceKind.Band, SourceKind.Ring, SourceKind.Phone, SourceKind.App, SourceKind.Manual,
    ];

    /// <summary>Sleep: a ring or watch worn in bed senses stages; a phone on the mattress guesses them.</summary>
    public static IReadOnlyList<SourceKind> Sleep { get; } =
    [
        SourceKind.Ring, SourceKind.Watch, SourceKind.Band, SourceKind.Phone, SourceKind.App, SourceKind.Manual,
    ];

    /// <summary>A vital with a dedicated device (a scale for weight): that device first, then <see cref="Physiological"/>.</summary>
    public static IReadOnlyList<SourceKind> Led(SourceKind dedicated)
        => [dedicated, .. Physiological.Where(kind => kind != dedicated)];
}
