namespace Wearables.Twins.Campaigns.Membership;

/// <summary>What a run changed in one membership shard.</summary>
/// <param name="Enrolled">Patients messaged in this run who were not members: they joined.</param>
/// <param name="StillMatching">Members after the run (all of them matched it).</param>
/// <param name="Exited">Members who did not match this run: they left the cohort.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.MembershipResult")]
public sealed record MembershipResult(
    [property: Id(0)] int Enrolled,
    [property: Id(1)] int StillMatching,
    [property: Id(2)] int Exited);
