using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Import;

/// <summary>
/// One record of an export file: a sample in wire form (validated later by the same rules as live telemetry),
/// or the reason it is not one.
/// </summary>
/// <param name="Sample">The sample, when the record is one.</param>
/// <param name="Source">The device or app that measured it as the file names it (e.g. "Apple Watch de Jean"), if known.</param>
/// <param name="Reason">Why the record is not imported: a stable snake_case code, when it is not.</param>
/// <param name="Detail">A sentence for people, including where in the file (line, element, entry).</param>
public readonly record struct ImportRecord(EnvelopeSample? Sample, string? Source, string? Reason, string? Detail)
{
    public static ImportRecord Of(EnvelopeSample sample, string? source = null) => new(sample, source, null, null);

    /// <summary>A record that could not be read or has no counterpart in the vitals catalogue.</summary>
    public static ImportRecord Rejected(string reason, string detail, string? source = null) => new(null, source, reason, detail);
}
