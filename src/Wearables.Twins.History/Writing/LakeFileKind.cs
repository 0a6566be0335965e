namespace Wearables.Twins.History.Writing;

/// <summary>Why a lake file is written, which decides how hard it is compressed.</summary>
internal enum LakeFileKind
{
    /// <summary>A flush of the ingest buffer: written while telemetry streams in, replaced by compaction later.</summary>
    Flush,

    /// <summary>A compacted or rewritten file that stays for the vital's retention.</summary>
    Archive,
}
