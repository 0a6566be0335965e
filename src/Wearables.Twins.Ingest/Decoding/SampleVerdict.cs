namespace Wearables.Twins.Ingest.Decoding;

/// <summary>The verdict on one sample, by its index in the envelope.</summary>
/// <param name="Index">Zero-based position in <c>samples</c>.</param>
/// <param name="Status">Accepted, duplicate or rejected.</param>
/// <param name="Reason">A <see cref="RejectReasons"/> code when rejected.</param>
/// <param name="Detail">A sentence a developer can act on.</param>
public readonly record struct SampleVerdict(int Index, SampleStatus Status, string? Reason = null, string? Detail = null)
{
    public static SampleVerdict Reject(int index, string reason, string detail)
        => new(index, SampleStatus.Rejected, reason, detail);
}
