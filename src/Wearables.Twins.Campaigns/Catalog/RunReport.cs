using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>What one run of a campaign did.</summary>
/// <param name="RunId">Unique per run; part of every message id of the run.</param>
/// <param name="Manual">Started by "run now" rather than the schedule.</param>
/// <param name="StartedAt">When the run claimed the campaign.</param>
/// <param name="FinishedAt">When it reported back.</param>
/// <param name="Slot">The schedule slot it ran for (null for manual runs).</param>
/// <param name="Matched">Patients the cohort rule selected.</param>
/// <param name="Enrolled">Patients who joined the campaign in this run (first message, or first after leaving the cohort).</param>
/// <param name="Queued">Messages published for delivery.</param>
/// <param name="Skipped">Matched patients not messaged, by reason (no_consent, opted_out, no_contact, capped).</param>
/// <param name="Exited">Enrolled patients who no longer match the rule.</param>
/// <param name="StillMatching">Enrolled patients who still match it after this run.</param>
/// <param name="Truncated">The cohort was larger than <c>Twins:Campaigns:MaxCohortSize</c> and was cut.</param>
/// <param name="StoppedByPause">The campaign was paused during the run, which stopped before messaging everyone.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.RunReport")]
public sealed record RunReport(
    [property: Id(0)] string RunId,
    [property: Id(1)] bool Manual,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset FinishedAt,
    [property: Id(4)] DateTimeOffset? Slot,
    [property: Id(5)] int Matched,
    [property: Id(6)] int Enrolled,
    [property: Id(7)] int Queued,
    [property: Id(8)] ImmutableDictionary<string, int> Skipped,
    [property: Id(9)] int Exited,
    [property: Id(10)] int StillMatching,
    [property: Id(11)] bool Truncated = false,
    [property: Id(12)] bool StoppedByPause = false);
