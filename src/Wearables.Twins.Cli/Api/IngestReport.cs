namespace Wearables.Twins.Cli.Api;

/// <summary>
/// Mirrors <c>Wearables.Twins.Ingest.Pipeline.IngestReport</c>, the 202 body of <c>POST /api/v1/telemetry</c>.
/// Outcome and status stay strings so that a value added by a newer service is shown, not a parse error.
/// </summary>
internal sealed record IngestReport(
    string? Outcome,
    string? DeviceId,
    string? MessageId,
    int Accepted,
    int Rejected,
    int Duplicates,
    IReadOnlyList<SampleVerdict>? Samples,
    EnvelopeProblem? Problem);

/// <summary>The verdict on one sample, by its zero-based index in the envelope.</summary>
internal sealed record SampleVerdict(int Index, string? Status, string? Reason, string? Detail)
{
    public bool IsRejected => string.Equals(Status, "rejected", StringComparison.Ordinal);
}

/// <summary>Why a whole envelope was refused.</summary>
internal sealed record EnvelopeProblem(string? Reason, string? Detail);
