namespace Wearables.Twins.Durability;

/// <summary>What reading the next record header found.</summary>
internal enum FrameStatus
{
    /// <summary>A plausible header; the payload still has to pass its CRC.</summary>
    Record,

    /// <summary>Exactly at the end of the readable range.</summary>
    End,

    /// <summary>A partial header, a length that cannot be, or a file shorter than expected.</summary>
    Invalid,
}
