using System.Collections.Immutable;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Decoding;

/// <summary>The outcome of decoding one envelope: a whole-message problem, or samples with a verdict each.</summary>
public sealed record DecodedEnvelope(
    EnvelopeProblem? Problem,
    string? DeviceId,
    string? MessageId,
    DeviceInfo? Device,
    ImmutableArray<VitalSample> Accepted,
    ImmutableArray<SampleVerdict> Verdicts)
{
    public static DecodedEnvelope Refused(string reason, string detail, string? deviceId = null, string? messageId = null)
        => new(new EnvelopeProblem(reason, detail), deviceId, messageId, null, [], []);
}
