using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>
/// One campaign, keyed by its id: its definition, whether it is active, its run lease and its counts. Runs happen
/// outside the grain (the cohort query is heavy); the grain only hands out one run at a time and adds up reports.
/// Times come from the caller, so the service's clock (and a test's fake one) decides.
/// </summary>
[Alias("Wearables.Twins.Campaigns.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Stores a validated definition; false when the campaign already exists (definitions are not replaced).</summary>
    [Alias("Define")]
    ValueTask<bool> DefineAsync(CampaignDefinition definition, CampaignActivity activity, int membershipShards, DateTimeOffset now);

    /// <summary>The campaign, or null when it was never defined.</summary>
    [Alias("Get"), ReadOnly]
    ValueTask<CampaignStatus?> GetAsync();

    /// <summary>Pauses or resumes; resuming skips the slots that passed while paused. Null when unknown.</summary>
    [Alias("SetState")]
    ValueTask<CampaignStatus?> SetStateAsync(CampaignActivity activity, DateTimeOffset now);

    /// <summary>Whether the campaign exists and is active (checked by runs as they go and by delivery).</summary>
    [Alias("IsActive"), ReadOnly]
    ValueTask<bool> IsActiveAsync();

    /// <summary>
    /// Claims a run: manual runs start whenever the campaign is active and idle; scheduled ones only when a slot is
    /// due. The claim is a lease: a run that never reports back frees the campaign after <paramref name="lease"/>.
    /// </summary>
    [Alias("BeginRun")]
    ValueTask<RunStart> BeginRunAsync(DateTimeOffset now, bool manual, TimeSpan lease);

    /// <summary>Adds a finished run's report to the counts and frees the campaign.</summary>
    [Alias("CompleteRun")]
    ValueTask CompleteRunAsync(RunReport report);

    /// <summary>Frees the campaign after a run failed; counted as a failed run.</summary>
    [Alias("AbandonRun")]
    ValueTask AbandonRunAsync(string runId);

    /// <summary>Counts a message handed to the email or SMS provider.</summary>
    [Alias("RecordDelivered")]
    ValueTask RecordDeliveredAsync();

    /// <summary>Counts a message dropped at delivery, by reason.</summary>
    [Alias("RecordDeliveryDropped")]
    ValueTask RecordDeliveryDroppedAsync(string reason);
}
