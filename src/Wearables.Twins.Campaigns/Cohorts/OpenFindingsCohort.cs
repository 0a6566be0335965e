using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Findings;

namespace Wearables.Twins.Campaigns.Cohorts;

/// <summary>Evaluates an <see cref="OpenFindingRule"/> against the open-findings projection: one call per shard, in parallel.</summary>
public sealed class OpenFindingsCohort(IGrainFactory grains)
{
    public async Task<HashSet<string>> EvaluateAsync(OpenFindingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var shards = await Task.WhenAll(Enumerable.Range(0, FindingShards.Count)
            .Select(shard => grains.GetGrain<IOpenFindingsGrain>(shard).GetPatientsAsync(rule.Kind, rule.MinSeverity).AsTask()));
        var patients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            patients.UnionWith(shard);
        }

        return patients;
    }
}
