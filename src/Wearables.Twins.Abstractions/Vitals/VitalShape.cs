namespace Wearables.Twins.Vitals;

/// <summary>How a vital's reading is carried in the envelope and in a <see cref="VitalSample"/>.</summary>
public enum VitalShape
{
    /// <summary>One number in <c>value</c> (heart rate, SpO2, temperature, stress).</summary>
    Scalar,

    /// <summary>A number accumulated over <c>time</c>..<c>end</c> (steps).</summary>
    Quantity,

    /// <summary>A list of numbers in <c>values</c> (RR intervals, beat by beat).</summary>
    Series,

    /// <summary>Two numbers, <c>systolic</c> and <c>diastolic</c> (blood pressure).</summary>
    BloodPressure,

    /// <summary>A named category held over <c>time</c>..<c>end</c> (sleep stages); the category is sent as <c>stage</c>.</summary>
    CategoryInterval,

    /// <summary>A named category at <c>time</c>, optionally until <c>end</c> (menstrual flow, ovulation test, symptoms).</summary>
    Category,

    /// <summary>
    /// A recording over <c>time</c>..<c>end</c>: a classification in <c>category</c>, an average heart rate in
    /// <c>value</c> and the samples in <c>values</c> (ECG).
    /// </summary>
    Recording,
}
