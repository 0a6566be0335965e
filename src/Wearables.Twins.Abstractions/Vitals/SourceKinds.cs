using System.Collections.Frozen;

namespace Wearables.Twins.Vitals;

/// <summary>Wire names of <see cref="SourceKind"/> (<c>"watch"</c>, <c>"bp_monitor"</c>, …).</summary>
public static class SourceKinds
{
    private static readonly (SourceKind Kind, string Name)[] Names =
    [
        (SourceKind.Unknown, "unknown"),
        (SourceKind.Watch, "watch"),
        (SourceKind.Band, "band"),
        (SourceKind.Ring, "ring"),
        (SourceKind.Phone, "phone"),
        (SourceKind.Scale, "scale"),
        (SourceKind.BloodPressureMonitor, "bp_monitor"),
        (SourceKind.Thermometer, "thermometer"),
        (SourceKind.PulseOximeter, "oximeter"),
        (SourceKind.Patch, "patch"),
        (SourceKind.App, "app"),
        (SourceKind.Manual, "manual"),
    ];

    private static readonly FrozenDictionary<string, SourceKind> ByName =
        Names.ToFrozenDictionary(n => n.Name, n => n.Kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every wire name, for error messages and documentation.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(this SourceKind kind)
        => (int)kind < Names.Length ? Names[(int)kind].Name : Names[0].Name;

    public static bool TryParse(string? name, out SourceKind kind)
    {
        kind = SourceKind.Unknown;
        return name is not null && ByName.TryGetValue(name, out kind);
    }
}
