namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// "<see cref="Vital"/>'s daily <see cref="Aggregate"/> <see cref="Operator"/> <see cref="Threshold"/> on at least
/// <see cref="MinDays"/> of the last <see cref="LastDays"/> days", read from the history lake. Days are the patient's
/// local days (the device's reported offset), as in the lake's canned views; the last day is today (UTC date of the
/// run), partial. Example: blood_pressure, systolic, max, &gt;=, 140, 3 of 7.
/// </summary>
/// <param name="Vital">A vital code of the catalogue with numeric readings (e.g. <c>blood_pressure</c>, <c>heart_rate</c>).</param>
/// <param name="Aggregate">max, min, mean (or sum for accumulated vitals) of the day's readings.</param>
/// <param name="Operator">&gt;=, &gt;, &lt;= or &lt;.</param>
/// <param name="Threshold">In the vital's canonical unit; must lie in its plausible range.</param>
/// <param name="MinDays">Days that must satisfy the comparison (1..<paramref name="LastDays"/>).</param>
/// <param name="LastDays">Length of the window in days, today included (1..90).</param>
/// <param name="Measure">For blood pressure, systolic or diastolic (required); otherwise value (the default).</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.VitalDaysRule")]
public sealed record VitalDaysRule(
    [property: Id(0)] string Vital,
    [property: Id(1)] VitalAggregate Aggregate,
    [property: Id(2)] ComparisonOperator Operator,
    [property: Id(3)] double Threshold,
    [property: Id(4)] int MinDays,
    [property: Id(5)] int LastDays,
    [property: Id(6)] VitalMeasure? Measure = null) : CohortRule
{
    /// <summary>The measure actually read: value unless the rule names one.</summary>
    public VitalMeasure EffectiveMeasure => Measure ?? VitalMeasure.Value;
}
