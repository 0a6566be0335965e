namespace Wearables.Twins.Risk.Findings;

/// <summary>
/// Hysteresis in time for one kind: how long the open criteria must hold before opening, how long the keep-open
/// criteria must fail before resolving, and how long a lower level must last before de-escalating. Escalation is
/// immediate. Together with the detectors' separate open/close thresholds this prevents flapping and alert storms.
/// </summary>
public sealed record FindingPolicy(TimeSpan OpenAfter, TimeSpan CloseAfter, TimeSpan DeescalateAfter, bool HigherIsWorse = true)
{
    public static FindingPolicy For(FindingKind kind) => kind switch
    {
        FindingKind.News2 => new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(1)),
        FindingKind.Hypoxemia => new(TimeSpan.Zero, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), HigherIsWorse: false),
        FindingKind.Fever => new(TimeSpan.Zero, TimeSpan.FromHours(12), TimeSpan.FromHours(2)),
        FindingKind.HypertensiveReading => new(TimeSpan.Zero, TimeSpan.FromHours(24), TimeSpan.FromHours(6)),
        FindingKind.TachycardiaAtRest => new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)),
        FindingKind.BradycardiaAtRest => new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), HigherIsWorse: false),
        FindingKind.IrregularRhythm => new(TimeSpan.Zero, TimeSpan.FromHours(24), TimeSpan.FromHours(24)),
        FindingKind.SleepDeterioration => new(TimeSpan.Zero, TimeSpan.FromHours(48), TimeSpan.FromHours(48), HigherIsWorse: false),
        _ => new(TimeSpan.Zero, TimeSpan.FromHours(48), TimeSpan.FromHours(24)),
    };
}
