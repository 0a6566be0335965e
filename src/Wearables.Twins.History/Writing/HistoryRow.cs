using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Writing;

/// <summary>One row of the lake: an accepted sample with who, which device, how it came and when it was accepted.</summary>
/// <remarks>The <c>source</c> column is <see cref="VitalSample.Source"/>, so it is not held twice here.</remarks>
public readonly record struct HistoryRow(string PatientId, string DeviceId, VitalSample Sample, DateTimeOffset IngestedAt)
{
    /// <summary>Buffer weight: one for the row plus one per series value, so ECG recordings count for what they hold.</summary>
    public int Weight => 1 + (Sample.Series.IsDefault ? 0 : Sample.Series.Length);

    /// <summary>Sort order inside a file: patient, then time, then end (nulls first), then device.</summary>
    public static int CompareForFile(HistoryRow a, HistoryRow b)
    {
        var byPatient = string.CompareOrdinal(a.PatientId, b.PatientId);
        if (byPatient != 0)
        {
            return byPatient;
        }

        var byTime = a.Sample.Time.UtcTicks.CompareTo(b.Sample.Time.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byEnd = (a.Sample.End?.UtcTicks ?? long.MinValue).CompareTo(b.Sample.End?.UtcTicks ?? long.MinValue);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.DeviceId, b.DeviceId);
    }

    /// <summary>
    /// Same stored sample: patient, vital, time, end and device. Redelivery repeats all five; two devices reporting the
    /// same instant are two rows (history keeps every source's report).
    /// </summary>
    public bool IsSameSample(in HistoryRow other)
        => string.Equals(PatientId, other.PatientId, StringComparison.Ordinal)
            && string.Equals(DeviceId, other.DeviceId, StringComparison.Ordinal)
            && Sample.IsSameMeasurement(other.Sample);
}
