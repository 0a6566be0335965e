namespace Wearables.Twins.Risk.Engine;

/// <summary>Decisions a clinician records about the patient that change how rules apply.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.ClinicalFlags")]
public sealed record ClinicalFlags
{
    public static readonly ClinicalFlags None = new();

    /// <summary>Score SpO2 on NEWS2 scale 2 (target 88–92%, hypercapnic respiratory failure); also lowers the hypoxemia thresholds.</summary>
    [Id(0)] public bool UseSpo2Scale2 { get; init; }
}
