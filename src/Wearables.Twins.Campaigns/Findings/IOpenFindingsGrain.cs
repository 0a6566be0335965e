using System.Collections.Immutable;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Findings;

/// <summary>
/// One shard (integer key 0..<see cref="FindingShards.Count"/>−1) of the read model "which patients have which open
/// findings", fed by the recommendations topic. Campaign cohorts read it instead of calling patient twins.
/// </summary>
[Alias("Wearables.Twins.Campaigns.IOpenFindingsGrain")]
public interface IOpenFindingsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Applies a recommendation if it is newer than what the shard knows of its finding; returns whether anything
    /// changed. Applying the same recommendation again changes nothing (idempotent by content and id), and an older
    /// transition arriving late never reopens a resolved finding.
    /// </summary>
    [Alias("Apply")]
    ValueTask<bool> ApplyAsync(Recommendation recommendation);

    /// <summary>Patients with an open finding of <paramref name="kind"/> at <paramref name="minimum"/> severity or above.</summary>
    [Alias("GetPatients"), ReadOnly]
    ValueTask<ImmutableArray<string>> GetPatientsAsync(string kind, RecommendationSeverity minimum);

    /// <summary>Forgets a patient's findings (right to erasure).</summary>
    [Alias("ErasePatient")]
    ValueTask ErasePatientAsync(string patientId);
}
