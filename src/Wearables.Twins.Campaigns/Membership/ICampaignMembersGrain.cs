using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Membership;

/// <summary>
/// One shard of a campaign's enrolled patients (key <c>{campaignId}/{shard}</c>; see <see cref="Key"/>), so that a
/// large cohort never makes one huge grain state. Members are the patients messaged by the campaign who still match
/// its rule; a member who no longer matches has exited (the campaign's outcome count).
/// </summary>
[Alias("Wearables.Twins.Campaigns.ICampaignMembersGrain")]
public interface ICampaignMembersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies one run to the shard: members who did not match exit, patients messaged join. Idempotent per run id
    /// (a retried call returns the first answer).
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="matched">The run's cohort patients that fall in this shard.</param>
    /// <param name="messaged">Those of them the run messaged.</param>
    [Alias("Reconcile")]
    ValueTask<MembershipResult> ReconcileAsync(string runId, ImmutableArray<string> matched, ImmutableArray<string> messaged);

    static string Key(string campaignId, int shard)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{campaignId}/{shard}");
}
