namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>What a synthetic patient-month contains; each kind but <see cref="Healthy"/> has one labelled event.</summary>
public enum ScenarioKind
{
    Healthy,

    /// <summary>Resting HR rises from 3 days before symptom onset; fever and shorter sleep from onset.</summary>
    Infection,

    /// <summary>An 8-hour paroxysm of atrial fibrillation.</summary>
    AtrialFibrillation,

    /// <summary>A 40-minute nocturnal desaturation to 84–88%.</summary>
    Hypoxemia,

    /// <summary>Two days of fever without a preceding resting-HR rise.</summary>
    Fever,
}
