using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import;

/// <summary>
/// The kind of device behind an export record, read from the name the file gives its source ("Apple Watch de
/// Jean", "iPhone", "Oura", "Mi Smart Band 7"), else what the format's devices usually are. It feeds the
/// source-priority merge, so a watch's and a phone's steps in one Apple export add up once.
/// </summary>
public static class ImportSources
{
    private static readonly (string Fragment, SourceKind Kind)[] NameHints =
    [
        ("watch", SourceKind.Watch), ("fenix", SourceKind.Watch), ("forerunner", SourceKind.Watch), ("venu", SourceKind.Watch),
        ("iphone", SourceKind.Phone), ("phone", SourceKind.Phone), ("pixel", SourceKind.Phone), ("galaxy s", SourceKind.Phone),
        ("oura", SourceKind.Ring), ("ring", SourceKind.Ring),
        ("band", SourceKind.Band), ("charge", SourceKind.Band), ("inspire", SourceKind.Band), ("whoop", SourceKind.Band),
        ("scale", SourceKind.Scale), ("withings body", SourceKind.Scale),
        ("omron", SourceKind.BloodPressureMonitor), ("cuff", SourceKind.BloodPressureMonitor),
        ("oximeter", SourceKind.PulseOximeter), ("thermometer", SourceKind.Thermometer),
    ];

    public static SourceKind Guess(string? sourceName, string format)
    {
        if (!string.IsNullOrWhiteSpace(sourceName))
        {
            foreach (var (fragment, kind) in NameHints)
            {
                if (sourceName.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }
        }

        return format switch
        {
            "garmin" or "huawei" => SourceKind.Watch,
            "fitbit" or "xiaomi" => SourceKind.Band,
            _ => sourceName is null ? SourceKind.Unknown : SourceKind.App,
        };
    }
}
