using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>
/// A campaign's totals over all its runs. <see cref="Matched"/>, <see cref="Enrolled"/>, <see cref="Queued"/> and
/// <see cref="Skipped"/> add up the runs; <see cref="Messaged"/> counts messages actually handed to the email or SMS
/// provider and <see cref="DeliveryDropped"/> those dropped at delivery (opted out meanwhile, no contact, paused).
/// Outcome: <see cref="Exited"/> enrolled patients who later left the cohort, <see cref="StillMatching"/> enrolled
/// patients who matched in the last run.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignCounts")]
public sealed record CampaignCounts(
    [property: Id(0)] long Runs,
    [property: Id(1)] long FailedRuns,
    [property: Id(2)] long Matched,
    [property: Id(3)] long Enrolled,
    [property: Id(4)] long Queued,
    [property: Id(5)] long Messaged,
    [property: Id(6)] ImmutableDictionary<string, long> Skipped,
    [property: Id(7)] ImmutableDictionary<string, long> DeliveryDropped,
    [property: Id(8)] long Exited,
    [property: Id(9)] long StillMatching);
