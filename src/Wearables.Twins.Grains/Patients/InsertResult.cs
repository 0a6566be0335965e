namespace Wearables.Twins.Grains.Patients;

/// <summary>What a window did with a sample.</summary>
public enum InsertResult
{
    Added,
    Duplicate,

    /// <summary>Older than everything a full window holds: it belongs to history, not the live view.</summary>
    OlderThanWindow,
}
