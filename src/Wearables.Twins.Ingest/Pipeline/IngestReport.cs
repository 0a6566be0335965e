using System.Collections.Immutable;
using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>What happened to one envelope and to each of its samples.</summary>
public sealed record IngestReport(
    IngestOutcome Outcome,
    string? DeviceId,
    string? MessageId,
    int Accepted,
    int Rejected,
    int Duplicates,
    ImmutableArray<SampleVerdict> Samples,
    EnvelopeProblem? Problem)
{
    public static IngestReport Refused(EnvelopeProblem problem, string? deviceId, string? messageId)
        => new(IngestOutcome.Refused, deviceId, messageId, 0, 0, 0, [], problem);

    /// <summary>A one-line summary for MQTT 5 reason strings and logs; never contains vital values.</summary>
    public string Summarize()
    {
        if (Problem is not null)
        {
            return $"{Problem.Reason}: {Problem.Detail}";
        }

        var summary = $"accepted {Accepted}, rejected {Rejected}, duplicates {Duplicates}";
        var firstRejection = Samples.FirstOrDefault(s => s.Status == SampleStatus.Rejected);
        return firstRejection.Reason is null
            ? summary
            : $"{summary}; sample {firstRejection.Index}: {firstRejection.Reason}: {firstRejection.Detail}";
    }
}
