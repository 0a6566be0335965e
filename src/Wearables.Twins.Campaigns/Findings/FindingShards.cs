using Wearables.Twins.Campaigns.Membership;

namespace Wearables.Twins.Campaigns.Findings;

/// <summary>
/// The open-findings projection is split over a fixed number of grains by patient, so no grain state grows with the
/// whole population and a cohort query is a small fan-out. Fixed, because changing it would strand stored entries.
/// </summary>
public static class FindingShards
{
    public const int Count = 32;

    public static int Of(string patientId) => PatientShards.Of(patientId, Count);
}
