namespace Wearables.Twins.Vitals;

/// <summary>How a vital is summarised for the patient's current picture.</summary>
public enum VitalSummary
{
    /// <summary>The most recent reading stands for the vital (heart rate, SpO2).</summary>
    Latest,

    /// <summary>Readings add up per calendar day of the reading's own offset (steps).</summary>
    SumPerDay,

    /// <summary>Readings are intervals that together form a session (sleep).</summary>
    Session,
}
