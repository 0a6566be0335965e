using Wearables.Twins.Campaigns.Catalog;

namespace Wearables.Twins.Campaigns.Running;

/// <summary>The outcome of <see cref="CampaignRunner.RunAsync"/>: the run's report when it completed.</summary>
public sealed record CampaignRunResult(RunOutcome Outcome, RunReport? Report = null, string? Error = null);
