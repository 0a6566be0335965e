using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

/// <summary>Sample builders and an equality that compares series by content.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(-3));

    public static VitalSample HeartRate(DateTimeOffset time, double bpm, byte qualifier = 0)
        => VitalSample.Scalar(VitalCatalog.HeartRate.Type, time, bpm) with { Qualifier = qualifier, Source = SourceKind.Watch };

    public static VitalSample[] HeartRateSeries(DateTimeOffset from, int count, TimeSpan step, double baseline = 60)
        => [.. Enumerable.Range(0, count).Select(i => HeartRate(from + (step * i), baseline + (i % 40)))];

    public static VitalSample BloodPressure(DateTimeOffset time, double systolic, double diastolic)
        => new VitalSample(VitalCatalog.BloodPressure.Type, time, null, systolic, diastolic, []) { Source = SourceKind.BloodPressureMonitor };

    public static VitalSample Rr(DateTimeOffset time, params double[] values)
        => new(VitalCatalog.RrIntervals.Type, time, null, 0, double.NaN, [.. values]);

    public static VitalSample Sleep(DateTimeOffset from, DateTimeOffset to, string stage)
        => new(VitalCatalog.SleepStage.Type, from, to, VitalCatalog.SleepStage.Categories.ToList().IndexOf(stage), double.NaN, []);

    public static VitalSample SpO2(DateTimeOffset time, double percent)
        => VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, time, percent);

    public static VitalSample Steps(DateTimeOffset from, DateTimeOffset to, double steps)
        => new(VitalCatalog.Steps.Type, from, to, steps, double.NaN, []);

    /// <summary>Field-by-field equality, series by content, times by instant and offset.</summary>
    public static void AssertSame(VitalSample expected, VitalSample actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Time.Offset, actual.Time.Offset);
        Assert.Equal(expected.End, actual.End);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Value2, actual.Value2);
        Assert.Equal(expected.Qualifier, actual.Qualifier);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Series.IsDefault ? [] : expected.Series.ToArray(), actual.Series.IsDefault ? [] : actual.Series.ToArray());
    }

    public static ImmutableArray<double> Values(params double[] values) => [.. values];
}
