namespace Wearables.Twins.Grains.Patients;

/// <summary>What a window did with a sample.</summary>
public enum InsertResult
{
    Added,
    Duplicate,

    /// <summary>Older than everything a full window holds: it belongs to history, not the live view.</summary>
    OlderThanWindow,

    /// <summary>The same measurement from a better-ranked source took the place of the one held.</summary>
    Replaced,

    /// <summary>A better-ranked source already reported this measurement (or an overlapping session).</summary>
    Superseded,
}
