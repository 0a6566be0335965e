using System.Collections.Immutable;
using Orleans.Concurrency;
using Wearables.Twins.Risk.Engine;

namespace Wearables.Twins.Risk.Grains;

/// <summary>
/// The risk side of a patient twin (the same activation as its vitals): the engine's current findings, and the
/// values a clinician enters that a wearable cannot measure (consciousness, oxygen, a cuff blood pressure).
/// </summary>
[Alias("Wearables.Twins.IPatientRiskGrain")]
public interface IPatientRiskGrain : IGrainWithStringKey
{
    /// <summary>Overall level, active findings with evidence, last NEWS2; re-evaluated on meaningful changes.</summary>
    [Alias("GetRisk"), ReadOnly]
    ValueTask<RiskStatus> GetRiskAsync();

    /// <summary>Replaces the clinician-entered observations and flags, and re-evaluates at once.</summary>
    [Alias("SetObservations")]
    ValueTask<RiskStatus> SetObservationsAsync(ImmutableArray<ManualObservation> observations, ClinicalFlags flags);
}
