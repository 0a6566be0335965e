using Wearables.Twins.Risk.Rhythm;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Baselines;

/// <summary>
/// A patient's personal baselines: one bounded <see cref="MetricBaseline"/> per <see cref="BaselineMetric"/>
/// (about 6 KB in all). Fed on ingest with <see cref="Observe"/>; read by the detectors. Part of the persisted
/// <see cref="Engine.RiskState"/>.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.Risk.PersonalBaselines")]
public sealed class PersonalBaselines
{
    /// <summary>Days of hourly heart-rate history.</summary>
    public const int HourlyDays = 28;

    /// <summary>Days of daily history: a 28-day baseline that ends a week before today, plus that week.</summary>
    public const int DailyDays = 42;

    [Id(0)] public MetricBaseline[] Metrics { get; set; } = CreateMetrics();

    public MetricBaseline this[BaselineMetric metric] => Metrics[(int)metric];

    /// <summary>
    /// Folds a batch of new samples into the baselines. <paramref name="recentSteps"/> are the patient's recent step
    /// samples (the twin's window), used to decide which heart-rate samples were taken at rest.
    /// </summary>
    public void Observe(ReadOnlySpan<VitalSample> batch, ReadOnlySpan<VitalSample> recentSteps)
    {
        foreach (ref readonly var sample in batch)
        {
            var day = DayOf(sample.Time);
            switch (sample.Type.Id)
            {
                case var id when id == VitalCatalog.HeartRate.Type.Id:
                    this[BaselineMetric.HeartRate].Add(day, sample.Time.Hour, sample.Value);
                    if (RestingHeartRate.IsAtRest(sample, recentSteps))
                    {
                        this[BaselineMetric.RestingHeartRate].Add(day, 0, sample.Value);
                    }

                    break;
                case var id when id == VitalCatalog.RestingHeartRate.Type.Id:
                    this[BaselineMetric.RestingHeartRate].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.OxygenSaturation.Type.Id:
                    this[BaselineMetric.OxygenSaturation].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.RespiratoryRate.Type.Id:
                    this[BaselineMetric.RespiratoryRate].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.BodyTemperature.Type.Id:
                    this[BaselineMetric.BodyTemperature].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.HrvRmssd.Type.Id:
                    this[BaselineMetric.HrvRmssd].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.HrvSdnn.Type.Id:
                    this[BaselineMetric.HrvSdnn].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.StressScore.Type.Id:
                    this[BaselineMetric.StressScore].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.Steps.Type.Id:
                    this[BaselineMetric.Steps].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.WristTemperatureDeviation.Type.Id:
                    this[BaselineMetric.WristTemperatureDeviation].Add(day, 0, sample.Value);
                    break;
                case var id when id == VitalCatalog.SleepStage.Type.Id && sample.End is { } end && SleepStages.IsAsleep(sample.Value):
                    // A night belongs to the day it ends on, so Monday's value is Sunday night's sleep.
                    this[BaselineMetric.SleepMinutes].Add(DayOf(end), 0, (end - sample.Time).TotalMinutes);
                    break;
            }
        }
    }

    /// <summary>The wearer's local calendar day of <paramref name="time"/> (the offset the device reported).</summary>
    public static int DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.DateTime).DayNumber;

    private static MetricBaseline[] CreateMetrics()
    {
        var metrics = new MetricBaseline[Enum.GetValues<BaselineMetric>().Length];
        foreach (var metric in Enum.GetValues<BaselineMetric>())
        {
            metrics[(int)metric] = metric == BaselineMetric.HeartRate
                ? new MetricBaseline(metric, 24, HourlyDays, sumPerDay: false)
                : new MetricBaseline(metric, 1, DailyDays, sumPerDay: metric is BaselineMetric.Steps or BaselineMetric.SleepMinutes);
        }

        return metrics;
    }
}
